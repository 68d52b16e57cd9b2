// Compare view: two articles side by side. The core's compare(a, b)
// (docs/compare.md) gives the figures that differ, the names, claims and
// quotes both carry, and what each has alone. When the engine has no
// compare, the view says so and lists, side by side, the people,
// organizations and places each article names (marking the names both
// share, matched here by normalised name).
import { buildModel } from './shared/model.js';

const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = String(text);
  return e;
};
const key = (name) => String(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** One line of text for an item of the compare result, whatever its shape. */
function summary(item) {
  if (item === null || typeof item !== 'object') return String(item);
  const parts = [];
  for (const f of ['name', 'type', 'text', 'message', 'verdict']) if (typeof item[f] === 'string') parts.push(item[f]);
  for (const f of ['a', 'b']) {
    const v = item[f];
    if (v && typeof v === 'object') parts.push(`${f.toUpperCase()}: ${v.text || v.name || v.value || JSON.stringify(v)}`);
    else if (v !== undefined) parts.push(`${f.toUpperCase()}: ${v}`);
  }
  return parts.length ? parts.join(' — ') : JSON.stringify(item);
}

const arr = (x) => (Array.isArray(x) ? x : []);
const pct = (x) => `${Math.round((Number(x) || 0) * 100)}%`;

function section(host, title, count) {
  const sec = el('section', 'cmp-core');
  sec.appendChild(el('h3', '', count === undefined ? title : `${title} (${count})`));
  host.appendChild(sec);
  return sec;
}

/** Two texts side by side: what article A says, what article B says. */
function pair(a, b) {
  const row = el('div', 'cmp-pair');
  for (const [label, x] of [['A', a], ['B', b]]) {
    const col = el('div', 'cmp-side');
    col.appendChild(el('span', 'lede-tag', label));
    col.appendChild(el('span', 'cmp-text', (x && (x.text || x.name)) || '—'));
    row.appendChild(col);
  }
  return row;
}

/** The core's comparison (docs/compare.md): shared items first, then differences. */
function renderCoreResult(host, r) {
  if (!r || r.kind !== 'compare' || !r.entities) return renderGeneric(host, r);
  const ents = r.entities || {};
  const claims = r.claims || {};
  const quotes = r.quotes || {};
  const figs = arr(r.figures);

  const f = section(host, 'Figures that differ', figs.length);
  const fl = el('ul', 'cmp-list');
  if (!figs.length) fl.appendChild(el('li', 'lede-empty', 'No figure in one article contradicts the other.'));
  for (const d of figs) {
    const li = el('li', 'cmp-figure');
    li.appendChild(el('span', 'lede-verdict lede-verdict-inconsistent', d.verdict || 'differ'));
    li.appendChild(el('span', 'cmp-msg', ' ' + (d.message || '')));
    li.appendChild(pair(d.a, d.b));
    fl.appendChild(li);
  }
  f.appendChild(fl);

  const e = section(host, 'Named in both', arr(ents.both).length);
  const el1 = el('ul', 'cmp-list');
  if (!arr(ents.both).length) el1.appendChild(el('li', 'lede-empty', 'No person, organization or place in common.'));
  for (const x of arr(ents.both)) {
    const spell = [...new Set([...arr(x.a_names), ...arr(x.b_names)])].filter((n) => n !== x.name);
    const li = el('li', 'cmp-shared', x.name);
    li.appendChild(el('span', 'lede-meta', ` ${String(x.type || '').toLowerCase()}${spell.length ? ' · also written ' + spell.join(', ') : ''}`));
    el1.appendChild(li);
  }
  e.appendChild(el1);

  const c = section(host, 'Claims in both', arr(claims.both).length);
  const cl = el('ul', 'cmp-list');
  if (!arr(claims.both).length) cl.appendChild(el('li', 'lede-empty', 'No claim made by both.'));
  for (const x of arr(claims.both)) {
    const li = el('li', 'cmp-claim');
    const why = [`similarity ${pct(x.similarity)}`];
    if (arr(x.figures).length) why.push('figures ' + x.figures.join(', '));
    if (arr(x.entities).length) why.push('names ' + x.entities.join(', '));
    if (arr(x.words).length) why.push('words ' + x.words.join(', '));
    li.appendChild(el('span', 'lede-meta', why.join(' · ')));
    li.appendChild(pair(x.a, x.b));
    cl.appendChild(li);
  }
  c.appendChild(cl);

  const q = section(host, 'Quotes in both', arr(quotes.both).length);
  const ql = el('ul', 'cmp-list');
  if (!arr(quotes.both).length) ql.appendChild(el('li', 'lede-empty', 'No quote appears in both.'));
  for (const x of arr(quotes.both)) {
    const li = el('li', 'cmp-quote');
    li.appendChild(el('span', 'lede-meta', `${x.speaker || 'unattributed'} · overlap ${pct(x.overlap)}`));
    li.appendChild(pair(x.a, x.b));
    ql.appendChild(li);
  }
  q.appendChild(ql);

  const only = section(host, 'Only in one article');
  const grid = el('div', 'cmp-grid');
  for (const [label, side] of [['Only in A', 'only_a'], ['Only in B', 'only_b']]) {
    const col = el('div', 'cmp-col');
    col.appendChild(el('h4', '', label));
    const names = arr(ents[side]);
    col.appendChild(el('p', '', names.length ? names.map((n) => n.name).join(' · ') : 'no names of its own'));
    col.appendChild(el('p', 'lede-meta', `${arr(claims[side]).length} claims and ${arr(quotes[side]).length} quotes of its own`));
    grid.appendChild(col);
  }
  only.appendChild(grid);
}

/** Any other shape: each list, one line per item. */
function renderGeneric(host, result) {
  const sec = section(host, 'Comparison');
  let any = false;
  for (const [k, v] of Object.entries(result || {})) {
    if (!Array.isArray(v)) continue;
    any = true;
    sec.appendChild(el('h4', '', `${k.replace(/[_-]/g, ' ')} (${v.length})`));
    const ul = el('ul', 'cmp-list');
    if (!v.length) ul.appendChild(el('li', 'lede-empty', 'none'));
    for (const item of v.slice(0, 300)) ul.appendChild(el('li', '', summary(item)));
    sec.appendChild(ul);
  }
  if (!any) sec.appendChild(el('p', '', 'The comparison found nothing to list.'));
}

function renderSideBySide(host, ma, mb) {
  const groups = [['People', 'people'], ['Organizations', 'orgs'], ['Places', 'places']];
  const grid = el('div', 'cmp-grid');
  for (const [label, m] of [['Article A', ma], ['Article B', mb]]) {
    const other = m === ma ? mb : ma;
    const col = el('section', 'cmp-col');
    col.appendChild(el('h3', '', label));
    for (const [title, k] of groups) {
      const names = new Set(other[k].map((x) => key(x.name)));
      col.appendChild(el('h4', '', `${title} (${m[k].length})`));
      const ul = el('ul', 'cmp-list');
      if (!m[k].length) ul.appendChild(el('li', 'lede-empty', 'none found'));
      for (const it of m[k].slice(0, 200)) {
        const shared = names.has(key(it.name));
        const li = el('li', shared ? 'cmp-shared' : '', it.name + (it.roles.length ? ` — ${it.roles.join('; ')}` : ''));
        if (shared) li.appendChild(el('span', 'lede-tag', 'in both'));
        ul.appendChild(li);
      }
      col.appendChild(ul);
    }
    grid.appendChild(col);
  }
  host.appendChild(grid);
}

export function setupCompare(engine, { currentText, readFile }) {
  const viewA = $('view-article');
  const viewC = $('view-compare');
  const mainA = $('main-article');
  const mainC = $('main-compare');
  const status = $('cmp-status');
  const out = $('cmp-result');
  const show = (compare) => {
    mainA.hidden = compare;
    mainC.hidden = !compare;
    viewA.setAttribute('aria-pressed', String(!compare));
    viewC.setAttribute('aria-pressed', String(compare));
    if (compare && !$('cmp-a').value) $('cmp-a').value = currentText();
  };
  viewA.addEventListener('click', () => show(false));
  viewC.addEventListener('click', () => show(true));
  $('cmp-use').addEventListener('click', () => {
    $('cmp-a').value = currentText();
  });
  for (const [input, area] of [['cmp-file-a', 'cmp-a'], ['cmp-file-b', 'cmp-b']]) {
    $(input).addEventListener('change', async () => {
      const f = $(input).files[0];
      $(input).value = '';
      if (!f) return;
      try {
        $(area).value = (await readFile(f)).text;
      } catch (err) {
        status.textContent = err.message;
      }
    });
  }
  $('cmp-run').addEventListener('click', async () => {
    const a = $('cmp-a').value;
    const b = $('cmp-b').value;
    out.replaceChildren();
    if (!a.trim() || !b.trim()) {
      status.textContent = 'Give both articles first.';
      return;
    }
    status.textContent = 'Analysing both articles…';
    let ra;
    let rb;
    try {
      [ra, rb] = await Promise.all([engine.analyze(a, { offsets: 'utf16' }), engine.analyze(b, { offsets: 'utf16' })]);
    } catch (err) {
      status.textContent = 'Analysis failed: ' + err.message;
      return;
    }
    let core = null;
    let note = '';
    try {
      core = await engine.compare(a, b, { offsets: 'utf16' });
    } catch (err) {
      note = `The core's comparison is not available in this build (${err.message}). Below: the names each article mentions, with the ones both share marked.`;
    }
    status.textContent = note || 'Compared.';
    if (core) renderCoreResult(out, core);
    else renderSideBySide(out, buildModel(ra), buildModel(rb));
  });
}
