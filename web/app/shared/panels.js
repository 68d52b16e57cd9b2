// lede panels: People, Organizations, Places, Quotes by speaker, Claims,
// Checks. Pure DOM building from the view model (model.js); every string
// from the article goes in as text (textContent), never as markup.
// Shared by the web page and the extension's side panel.
//
//   renderPanel(ul, 'people', model, {onSelect: (kind, id) => ...});
//
// Each choosable item is a <button class="lede-item" data-kind data-id>; the
// caller's onSelect(kind, id) highlights and scrolls to its mentions.

import { TYPE_LABELS, claimLevel, speakerLabel } from './model.js';

export const PANELS = [
  { key: 'people', title: 'People' },
  { key: 'orgs', title: 'Organizations' },
  { key: 'places', title: 'Places' },
  { key: 'quotes', title: 'Quotes' },
  { key: 'claims', title: 'Claims' },
  { key: 'checks', title: 'Checks' },
];

const EMPTY = {
  people: 'No people found.',
  orgs: 'No organizations found.',
  places: 'No places found.',
  quotes: 'No quotes found.',
  claims: 'No check-worthy claims found.',
  checks: 'No consistency checks apply to this text.',
};

/** Number of entries a panel lists. */
export function panelCount(model, key) {
  if (!model) return 0;
  if (key === 'quotes') return model.speakers.reduce((n, g) => n + g.quotes.length, 0);
  return (model[key] || []).length;
}

function el(doc, tag, cls, text) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

// The visible text of an item is its accessible name (no aria-label that
// could differ from what sighted users read).
function itemButton(doc, kind, id) {
  const b = el(doc, 'button', 'lede-item');
  b.type = 'button';
  b.dataset.kind = kind;
  b.dataset.id = id;
  return b;
}

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const clip = (s, n = 220) => (String(s).length > n ? String(s).slice(0, n - 1) + '…' : String(s));

function quoteButton(doc, q, model, showSpeaker) {
  const s = speakerLabel(q, model.byId);
  const li = el(doc, 'li', 'lede-quote-item');
  const b = itemButton(doc, 'quote', q.id);
  if (showSpeaker && s.label) b.appendChild(badge(doc, s.label, s.anonymous));
  b.appendChild(el(doc, 'span', 'lede-quote-text', '“' + clip(q.text || '') + '”'));
  const meta = [q.kind || 'direct'];
  if (q.cue && q.cue.text) meta.push(`cue “${q.cue.text}”` + (q.cue.stance ? ` (${q.cue.stance})` : ''));
  b.appendChild(el(doc, 'span', 'lede-meta', meta.join(' · ')));
  li.appendChild(b);
  return li;
}

/** A speaker badge: named speakers solid, anonymous sources dashed and prefixed. */
export function badge(doc, label, anonymous) {
  const b = el(doc, 'span', 'lede-badge' + (anonymous ? ' lede-badge-anon' : ''));
  if (anonymous) b.appendChild(el(doc, 'span', 'lede-badge-mark', 'anon '));
  b.appendChild(doc.createTextNode(label));
  return b;
}

function entityList(doc, ul, items, model, showQuotes) {
  for (const it of items) {
    const li = el(doc, 'li', 'lede-entity');
    const b = itemButton(doc, 'entity', it.id);
    const head = el(doc, 'span', 'lede-item-head');
    head.appendChild(el(doc, 'span', 'lede-swatch lede-ent lede-ent-' + String(it.type).replace(/[^A-Z_]/gi, '')));
    head.appendChild(el(doc, 'span', 'lede-name', it.name));
    b.appendChild(head);
    if (it.roles.length) b.appendChild(el(doc, 'span', 'lede-roles', it.roles.join('; ')));
    const meta = [TYPE_LABELS[it.type] || it.type, plural(it.mentions.length, 'mention')];
    if (it.quotes.length) meta.push('quoted ' + plural(it.quotes.length, 'time'));
    b.appendChild(el(doc, 'span', 'lede-meta', meta.join(' · ')));
    li.appendChild(b);
    if (showQuotes && it.quotes.length) {
      const ql = el(doc, 'ul', 'lede-sublist');
      ql.setAttribute('aria-label', `Quotes by ${it.name}`);
      for (const q of it.quotes) ql.appendChild(quoteButton(doc, q, model, false));
      li.appendChild(ql);
    }
    ul.appendChild(li);
  }
}

/**
 * Fills `ul` (emptied first) with the entries of panel `key`.
 * @param {HTMLElement} ul
 * @param {string} key one of PANELS[].key
 * @param {object} model from buildModel
 */
export function renderPanel(ul, key, model, options = {}) {
  const doc = ul.ownerDocument;
  ul.replaceChildren();
  const limit = options.limit || 500;  // long inputs: keep the panels usable
  if (!model || panelCount(model, key) === 0) {
    ul.appendChild(el(doc, 'li', 'lede-empty', options.emptyText || EMPTY[key]));
    return;
  }
  if (key === 'people') entityList(doc, ul, model.people.slice(0, limit), model, true);
  else if (key === 'orgs') entityList(doc, ul, model.orgs.slice(0, limit), model, false);
  else if (key === 'places') entityList(doc, ul, model.places.slice(0, limit), model, false);
  else if (key === 'quotes') {
    for (const g of model.speakers.slice(0, limit)) {
      const li = el(doc, 'li', 'lede-speaker');
      const h = el(doc, 'div', 'lede-speaker-head');
      if (g.entity) {
        const b = itemButton(doc, 'entity', g.entity);
        b.appendChild(badge(doc, g.name, g.anonymous));
        b.appendChild(el(doc, 'span', 'lede-meta', plural(g.quotes.length, 'quote')));
        h.appendChild(b);
      } else {
        h.appendChild(badge(doc, g.name, g.anonymous));
        h.appendChild(el(doc, 'span', 'lede-meta', plural(g.quotes.length, 'quote')));
      }
      li.appendChild(h);
      const ql = el(doc, 'ul', 'lede-sublist');
      ql.setAttribute('aria-label', `Quotes by ${g.name}`);
      for (const q of g.quotes.slice(0, limit)) ql.appendChild(quoteButton(doc, q, model, false));
      li.appendChild(ql);
      ul.appendChild(li);
    }
  } else if (key === 'claims') {
    model.claims.slice(0, limit).forEach((c, rank) => {
      const li = el(doc, 'li', 'lede-claim-item');
      const score = Number(c.score) || 0;
      const b = itemButton(doc, 'claim', c.id);
      const head = el(doc, 'span', 'lede-item-head');
      head.appendChild(el(doc, 'span', 'lede-score lede-claim-' + claimLevel(score), score.toFixed(2)));
      if (c.types && c.types.length) head.appendChild(el(doc, 'span', 'lede-meta', c.types.join(', ')));
      if (c.hedged) head.appendChild(el(doc, 'span', 'lede-tag', 'hedged'));
      b.appendChild(head);
      b.appendChild(el(doc, 'span', 'lede-claim-text', clip(c.text || '', 300)));
      if (c.reasons && c.reasons.length) b.appendChild(el(doc, 'span', 'lede-meta', 'Why: ' + c.reasons.join('; ')));
      li.appendChild(b);
      ul.appendChild(li);
    });
  } else if (key === 'checks') {
    for (const k of model.checks.slice(0, limit)) {
      const li = el(doc, 'li', 'lede-check-item');
      const verdict = String(k.verdict || 'unknown');
      const b = itemButton(doc, 'check', k.id);
      const head = el(doc, 'span', 'lede-item-head');
      head.appendChild(el(doc, 'span', 'lede-verdict lede-verdict-' + verdict.replace(/[^a-z-]/g, ''), verdict));
      head.appendChild(el(doc, 'span', 'lede-meta', k.kind || 'check'));
      b.appendChild(head);
      if (k.message) b.appendChild(el(doc, 'span', 'lede-check-message', k.message));
      li.appendChild(b);
      ul.appendChild(li);
    }
  }
  if (panelCount(model, key) > limit) ul.appendChild(el(doc, 'li', 'lede-empty', `Showing the first ${limit}.`));
}
