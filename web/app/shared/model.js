// lede view model: pure functions from a schema-1 analysis object to what
// the panels and the annotated text show. No DOM here; shared by the web page
// (web/app) and the extension (web/extension), and testable in node.
//
// Every function tolerates missing or empty lists: the analysis stages fill
// entities, quotes, claims and checks independently.

/** Entity types shown in each panel. */
export const PANEL_TYPES = {
  people: ['PERSON'],
  orgs: ['ORG'],
  places: ['GPE', 'LOC', 'FAC'],
};

/** Human names for entity types (legend, details). */
export const TYPE_LABELS = {
  PERSON: 'person', ORG: 'organization', GPE: 'country/city/state', LOC: 'location',
  NORP: 'nationality/group', FAC: 'facility', EVENT: 'event', DATE: 'date', TIME: 'time',
  MONEY: 'money', PERCENT: 'percent', QUANTITY: 'quantity', CARDINAL: 'number',
  ORDINAL: 'ordinal', PRODUCT: 'product', WORK_OF_ART: 'work', LAW: 'law', LANGUAGE: 'language',
};

const arr = (x) => (Array.isArray(x) ? x : []);
const isSpan = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start;

/** Claim score band: 'hi' (>= 0.7), 'mid' (>= 0.4), 'lo'. */
export function claimLevel(score) {
  const s = Number(score) || 0;
  return s >= 0.7 ? 'hi' : s >= 0.4 ? 'mid' : 'lo';
}

/** The label a quote's speaker badge shows, and whether the source is anonymous. */
export function speakerLabel(quote, byId) {
  const sp = quote && quote.speaker;
  if (!sp) return { label: quote && quote.kind === 'scare' ? '' : 'unattributed', anonymous: false, key: '?' };
  if (sp.anonymous) {
    let label = sp.descriptor || sp.text || 'unnamed source';
    const org = sp.organization && byId.get(sp.organization);
    if (org && !label.toLowerCase().includes(String(org.name).toLowerCase())) label += ` (${org.name})`;
    return { label, anonymous: true, key: 'anon:' + label.toLowerCase() };
  }
  const ent = sp.entity && byId.get(sp.entity);
  const label = (ent && ent.name) || sp.name || sp.text || 'unattributed';
  return { label, anonymous: false, key: sp.entity ? 'ent:' + sp.entity : 'txt:' + label.toLowerCase() };
}

/**
 * Builds the view model.
 * @param {object} analysis schema-1 result
 * @returns {{byId: Map, people: Array, orgs: Array, places: Array, others: Array,
 *   speakers: Array, claims: Array, checks: Array, annotations: Array}}
 */
export function buildModel(analysis) {
  const a = analysis || {};
  const entities = arr(a.entities);
  const quotes = arr(a.quotes);
  const claims = arr(a.claims);
  const checks = arr(a.checks);
  const byId = new Map();
  for (const e of entities) if (e && e.id) byId.set(e.id, e);
  for (const q of quotes) if (q && q.id) byId.set(q.id, q);
  for (const c of claims) if (c && c.id) byId.set(c.id, c);

  const quotesOf = new Map();  // entity id -> quotes
  for (const q of quotes) {
    const id = q && q.speaker && !q.speaker.anonymous && q.speaker.entity;
    if (!id) continue;
    if (!quotesOf.has(id)) quotesOf.set(id, []);
    quotesOf.get(id).push(q);
  }
  const entityItem = (e) => ({
    kind: 'entity', id: e.id, type: e.type, name: e.name || (arr(e.mentions)[0] || {}).text || e.id,
    roles: arr(e.roles), salience: Number(e.salience) || 0,
    mentions: arr(e.mentions).filter(isSpan), quotes: quotesOf.get(e.id) || [], entity: e,
  });
  const byRank = (x, y) => y.quotes.length - x.quotes.length || y.mentions.length - x.mentions.length ||
      y.salience - x.salience || String(x.name).localeCompare(String(y.name));
  const ofTypes = (types) => entities.filter((e) => e && types.includes(e.type)).map(entityItem).sort(byRank);
  const panelled = new Set(Object.values(PANEL_TYPES).flat());

  // Quotes grouped by speaker, most-quoted first; unattributed last.
  const groups = new Map();
  for (const q of quotes) {
    if (!q || !isSpan(q)) continue;
    const s = speakerLabel(q, byId);
    const key = q.kind === 'scare' && !q.speaker ? 'scare' : s.key;
    if (!groups.has(key)) {
      groups.set(key, {
        kind: 'speaker', id: key, name: key === 'scare' ? 'Scare quotes (no speaker)' : s.label,
        anonymous: s.anonymous, entity: (q.speaker && !q.speaker.anonymous && q.speaker.entity) || null,
        quotes: [],
      });
    }
    groups.get(key).quotes.push(q);
  }
  const speakers = [...groups.values()].sort((x, y) => {
    const rank = (g) => (g.id === '?' || g.id === 'scare' ? 1 : 0);
    return rank(x) - rank(y) || y.quotes.length - x.quotes.length || x.name.localeCompare(y.name);
  });

  const rankedClaims = claims.filter(isSpan).slice().sort((x, y) => (Number(y.score) || 0) - (Number(x.score) || 0));
  const checkItems = checks.map((c, i) => ({ ...c, id: c.id || 'K' + (i + 1), spans: arr(c.spans).filter(isSpan) }));

  return {
    byId,
    people: ofTypes(PANEL_TYPES.people),
    orgs: ofTypes(PANEL_TYPES.orgs),
    places: ofTypes(PANEL_TYPES.places),
    others: entities.filter((e) => e && !panelled.has(e.type)).map(entityItem),
    speakers,
    claims: rankedClaims,
    checks: checkItems,
    annotations: buildAnnotations(entities, quotes, rankedClaims, checkItems, byId),
  };
}

/**
 * The flat list of annotated spans, each {start, end, kind, ref, classes, badge?}.
 * `ref` is the id of the item it belongs to (entity, quote, claim or check id);
 * `classes` are CSS class names (all prefixed `lede-`) for the text it covers.
 */
export function buildAnnotations(entities, quotes, claims, checks, byId) {
  const out = [];
  for (const e of entities) {
    if (!e) continue;
    const type = String(e.type || 'OTHER').replace(/[^A-Z_]/gi, '');
    for (const m of arr(e.mentions)) {
      if (isSpan(m)) out.push({ start: m.start, end: m.end, kind: 'entity', ref: e.id, classes: ['lede-ent', 'lede-ent-' + type] });
    }
  }
  for (const q of quotes) {
    if (!q || !isSpan(q)) continue;
    const s = speakerLabel(q, byId);
    const kind = String(q.kind || 'direct').replace(/[^a-z]/g, '');
    const classes = ['lede-quote', 'lede-quote-' + kind];
    if (s.anonymous) classes.push('lede-quote-anon');
    out.push({
      start: q.start, end: q.end, kind: 'quote', ref: q.id, classes,
      badge: q.kind === 'scare' && !q.speaker ? null : { label: s.label, anonymous: s.anonymous },
    });
    if (q.cue && isSpan(q.cue)) out.push({ start: q.cue.start, end: q.cue.end, kind: 'cue', ref: q.id, classes: ['lede-cue'] });
  }
  for (const c of claims) {
    out.push({ start: c.start, end: c.end, kind: 'claim', ref: c.id, classes: ['lede-claim', 'lede-claim-' + claimLevel(c.score)] });
  }
  for (const k of checks) {
    const verdict = String(k.verdict || 'unknown').replace(/[^a-z-]/g, '');
    // Figures that disagree get a flag badge in front of each of them.
    const badge = verdict === 'inconsistent' ? { label: '⚠', flag: true } : null;
    for (const s of k.spans) out.push({ start: s.start, end: s.end, kind: 'check', ref: k.id, classes: ['lede-check', 'lede-check-' + verdict], badge });
  }
  return out;
}

const fmt = (x) => (typeof x === 'number' ? (Math.round(x * 100) / 100).toString() : String(x));

/** Looks up an item by kind ('entity', 'quote', 'cue', 'claim', 'check') and id. */
export function lookup(model, kind, id) {
  if (kind === 'check') return model.checks.find((k) => k.id === id) || null;
  return model.byId.get(id) || null;
}

/**
 * Detail lines (plain strings, inserted as text) for one item, named by
 * kind and id: the role of a person, the cue's stance, a claim's reasons, a
 * check's arithmetic. Used by tooltips and the details pane.
 */
export function describe(model, kind, id) {
  const item = lookup(model, kind, id);
  if (!item) return [];
  const byId = model.byId;
  if (kind === 'check') {
    return [`Check (${item.kind || 'check'}): ${item.verdict || '?'}`, item.message || ''].filter(Boolean);
  }
  if (kind === 'entity') {
    const lines = [`${item.name} — ${TYPE_LABELS[item.type] || item.type}`];
    if (arr(item.roles).length) lines.push('Role: ' + item.roles.join('; '));
    const n = arr(item.mentions).length;
    let q = 0;
    for (const x of byId.values()) if (x && x.speaker && x.speaker.entity === id && !x.speaker.anonymous) q++;
    lines.push(`${n} mention${n === 1 ? '' : 's'}` + (q ? `, quoted ${q} time${q === 1 ? '' : 's'}` : ''));
    return lines;
  }
  if (kind === 'quote' || kind === 'cue') {
    const s = speakerLabel(item, byId);
    const lines = [`${item.kind || 'direct'} quote` + (s.label ? ` — ${s.anonymous ? 'anonymous source: ' : 'speaker: '}${s.label}` : '')];
    if (item.speaker && item.speaker.text && item.speaker.text !== s.label) lines.push(`Written as: “${item.speaker.text}”`);
    if (item.cue) lines.push(`Cue: “${item.cue.text}”` + (item.cue.stance ? ` (stance: ${item.cue.stance})` : ''));
    if (typeof item.confidence === 'number') lines.push('Confidence: ' + fmt(item.confidence));
    if (item.unclosed) lines.push('Quotation mark not closed in its paragraph');
    return lines;
  }
  if (kind === 'claim') {
    const lines = [`Claim — check-worthiness ${fmt(item.score)}` + (item.hedged ? ' (hedged)' : '')];
    if (arr(item.types).length) lines.push('Type: ' + item.types.join(', '));
    if (arr(item.reasons).length) lines.push('Why: ' + item.reasons.join('; '));
    const src = item.source || {};
    const who = src.entity && byId.get(src.entity);
    if (who) lines.push('Source: ' + who.name);
    else if (src.quote && byId.get(src.quote)) lines.push('Source: ' + speakerLabel(byId.get(src.quote), byId).label);
    return lines;
  }
  return [];
}

/** Export helper: the analysis with its text, as pretty JSON. */
export function exportJson(analysis, text) {
  return JSON.stringify({ ...analysis, text }, null, 2) + '\n';
}
