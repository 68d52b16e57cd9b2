// Compare view: two articles side by side. Each is analysed in the worker;
// the core's compare(a, b) gives shared entities/claims and disagreements.
// Until the core offers compare, the view says so and still lists, side by
// side, the people, organizations and places each article names (marking
// the names both share, matched here by normalised name).
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

function renderCoreResult(host, result) {
  const sec = el('section', 'cmp-core');
  sec.appendChild(el('h3', '', 'Shared and disagreeing'));
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
  host.appendChild(sec);
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
    renderSideBySide(out, buildModel(ra), buildModel(rb));
  });
}
