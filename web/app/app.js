// lede web page: paste or drop an article, analyse it in a Web Worker, show
// the annotated text and the panels. Plain ES module, no framework. Article
// text only ever enters the DOM as Text nodes (see shared/highlight.js).
import { Engine } from './engine.js';
import { setupCompare } from './compare.js';
import { htmlToText, looksLikeHtml } from './extract.js';
import { buildModel, describe, exportJson, lookup } from './shared/model.js';
import { Highlighter, renderPlainText } from './shared/highlight.js';
import { PANELS, badge, panelCount, renderPanel } from './shared/panels.js';

const $ = (id) => document.getElementById(id);
const ui = {
  text: $('text'), analyze: $('analyze'), auto: $('auto'), sample: $('sample'), clear: $('clear'),
  file: $('file'), drop: $('drop'), exportBtn: $('export'), status: $('status'), progress: $('progress'),
  article: $('article'), tabs: $('tabs'), panelHost: $('panel-host'), details: $('details'),
  detailsBody: $('details-body'), prev: $('prev-mention'), next: $('next-mention'),
  pos: $('mention-pos'), closeDetails: $('close-details'), tooltip: $('tooltip'),
};

const engine = new Engine();
const state = {
  seq: 0,            // id of the newest analysis request
  text: '',          // the text the shown analysis belongs to
  analysis: null,
  model: null,
  highlighter: null,
  refIndex: new Map(),  // "kind:id" -> annotation indexes
  selection: null,      // {kind, id, elements: Element[][], pos}
  panel: 'people',
  sample: null,
};
// The page is driven by tests and the benchmark through these read-only hooks.
window.lede = {
  get state() {
    return {
      busy: engine.busy, rendered: state.renderedSeq === state.seq && !!state.analysis, seq: state.seq,
      analysis: state.analysis, renderedAt: state.renderedAt, analysisMs: state.analysisMs,
    };
  },
};

// ---- status and progress -------------------------------------------------

function setStatus(msg, kind = '') {
  ui.status.textContent = msg;
  ui.status.className = 'status' + (kind ? ' status-' + kind : '');
}

let progressTimer = null;
function showProgress(label, value) {
  ui.progress.hidden = false;
  if (value === undefined || Number.isNaN(value)) ui.progress.removeAttribute('value');
  else ui.progress.value = value;
  ui.progress.setAttribute('aria-valuetext', label);
}
function hideProgress() {
  ui.progress.hidden = true;
  clearInterval(progressTimer);
  progressTimer = null;
}

// ---- input ----------------------------------------------------------------

const normalize = (s) => s.replace(/\r\n?/g, '\n');

// Texts over this many characters are not put in the textarea: laying out
// megabytes in an editable box freezes the browser for seconds. The page
// keeps them aside, shows the start read-only, and analyses the whole.
const BIG = 200000;
let bigText = null;

function getInput() {
  return bigText !== null ? bigText : normalize(ui.text.value);
}

function setInput(text) {
  text = normalize(text);
  if (text.length > BIG) {
    bigText = text;
    ui.text.value = text.slice(0, 3000) + `\n\n[… ${text.length.toLocaleString('en')} characters in all: the whole text ` +
        'is analysed and shown below. Too long to edit here; Clear to start over.]';
    ui.text.readOnly = true;
  } else {
    bigText = null;
    ui.text.readOnly = false;
    ui.text.value = text;
  }
}

function setText(text, why) {
  setInput(text);
  setStatus(why);
  analyzeNow();
}

ui.text.addEventListener('paste', (e) => {
  const t = e.clipboardData && e.clipboardData.getData('text/plain');
  if (!t) return;
  // A large paste replacing everything: keep it out of the textarea.
  const all = ui.text.selectionStart === 0 && ui.text.selectionEnd === ui.text.value.length;
  if (t.length > BIG && (all || !ui.text.value || bigText !== null)) {
    e.preventDefault();
    setText(t, `Pasted ${t.length.toLocaleString('en')} characters.`);
  }
});

/** A file's article text: plain text as is, HTML reduced to its article. */
async function readFileText(file) {
  if (file.size > 64 * 1024 * 1024) throw new Error(`${file.name} is too large (over 64 MB)`);
  const text = await file.text();
  if (looksLikeHtml(file.name, file.type, text)) return { text: normalize(htmlToText(text)), html: true };
  return { text: normalize(text), html: false };
}

async function readFile(file) {
  if (!file) return;
  try {
    const { text, html } = await readFileText(file);
    setText(text, html ? `Loaded ${file.name} (article text taken from the HTML).` : `Loaded ${file.name}.`);
  } catch (err) {
    setStatus(err.message, 'error');
  }
}

let debounce = null;
ui.text.addEventListener('input', () => {
  clearTimeout(debounce);
  if (!ui.auto.checked) return;
  const n = ui.text.value.length;
  if (bigText !== null) return;
  // Longer texts wait longer before re-analysis; typing keeps postponing it.
  debounce = setTimeout(analyzeNow, Math.min(2000, 400 + n / 2000));
});
ui.analyze.addEventListener('click', () => analyzeNow());
ui.clear.addEventListener('click', () => {
  setInput('');
  analyzeNow();
  ui.text.focus();
});
ui.sample.addEventListener('click', async () => {
  try {
    if (state.sample === null) state.sample = await (await fetch('./sample.txt')).text();
    setText(state.sample, 'Sample article loaded.');
  } catch (err) {
    setStatus('The sample article could not be loaded: ' + err.message, 'error');
  }
});
ui.file.addEventListener('change', () => {
  readFile(ui.file.files[0]);
  ui.file.value = '';
});
for (const target of [ui.drop, ui.text]) {
  target.addEventListener('dragover', (e) => {
    e.preventDefault();
    ui.drop.classList.add('dragging');
  });
  target.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
  target.addEventListener('drop', (e) => {
    e.preventDefault();
    ui.drop.classList.remove('dragging');
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) readFile(f);
  });
}
ui.exportBtn.addEventListener('click', () => {
  if (!state.analysis) return;
  const blob = new Blob([exportJson(state.analysis, state.text)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'lede-analysis.json';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
});

// ---- analysis -------------------------------------------------------------

async function analyzeNow() {
  clearTimeout(debounce);
  const text = getInput();
  const id = ++state.seq;
  if (!text.trim()) {
    showAnalysis(id, '', null);
    setStatus('Paste an article, open a file, or try the sample article.');
    return;
  }
  // A long analysis nobody wants any more: abandon it rather than queue behind it.
  if (engine.busy && state.inflightChars > 200000) engine.restart();
  state.inflightChars = text.length;
  const t0 = performance.now();
  const size = text.length > 1e6 ? `${(text.length / 1e6).toFixed(1)} M` : `${Math.ceil(text.length / 1000)} k`;
  setStatus(`Analysing ${size} characters…`, 'busy');
  showProgress('analysing');
  clearInterval(progressTimer);
  if (text.length > 100000) {
    progressTimer = setInterval(() => {
      if (state.seq === id) setStatus(`Analysing ${size} characters… ${((performance.now() - t0) / 1000).toFixed(1)} s`, 'busy');
    }, 250);
  }
  let result;
  try {
    result = await engine.analyze(text, { offsets: 'utf16' }, (p) => {
      if (state.seq === id) showProgress(`analysing ${Math.round(p * 100)}%`, p * 0.8);
    });
  } catch (err) {
    if (state.seq !== id || err.cancelled) return;
    hideProgress();
    setStatus('Analysis failed: ' + err.message, 'error');
    return;
  } finally {
    if (state.seq === id) state.inflightChars = 0;
  }
  if (state.seq !== id) return;  // stale: newer text is being analysed
  clearInterval(progressTimer);
  const ms = performance.now() - t0;
  state.analysisMs = ms;
  if (result && result.error) {
    hideProgress();
    setStatus('Analysis refused: ' + result.error, 'error');
    return;
  }
  await showAnalysis(id, text, result);
  if (state.seq !== id) return;
  hideProgress();
  const m = state.model;
  const warn = (result.warnings || []).length ? ` · ${result.warnings.length} warning(s): ${result.warnings.map((w) => w.code).join(', ')}` : '';
  setStatus(`${m.people.length} people, ${m.orgs.length} organizations, ${m.places.length} places, ` +
      `${panelCount(m, 'quotes')} quotes, ${m.claims.length} claims, ${m.checks.length} checks · ` +
      `${(result.stats && result.stats.words) || 0} words analysed in ${Math.round(ms)} ms${warn}`, 'done');
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));

async function showAnalysis(id, text, analysis) {
  clearSelection();
  if (state.highlighter) state.highlighter = null;
  state.text = text;
  state.analysis = analysis;
  state.model = buildModel(analysis);
  state.refIndex = new Map();
  state.model.annotations.forEach((a, i) => {
    const key = a.kind + ':' + a.ref;  // a quote's cue is 'cue:Q1', not one of its "mentions"
    if (!state.refIndex.has(key)) state.refIndex.set(key, []);
    state.refIndex.get(key).push(i);
  });
  ui.exportBtn.disabled = !analysis;
  if (text.length > 200000) {
    await nextFrame();  // a long text's model took a while: let a frame through
    if (state.seq !== id) return;
  }
  renderTabs();
  renderCurrentPanel();

  const art = ui.article;
  art.replaceChildren();
  if (!analysis) {
    const p = document.createElement('p');
    p.className = 'placeholder';
    p.textContent = 'The annotated article appears here.';
    art.appendChild(p);
    state.renderedSeq = id;
    return;
  }
  art.setAttribute('aria-busy', 'true');
  // Build the article off-document, then highlight in time slices so a long
  // text never blocks the page for more than a frame.
  if (text.length > 200000) {
    await nextFrame();  // let the panels paint before building the article
    if (state.seq !== id) return;
  }
  const holder = document.createElement('div');
  holder.className = 'article-body';
  const big = text.length > 200000;
  const pieces = renderPlainText(holder, text, document, { blockChars: big ? 6000 : 0 });
  const h = new Highlighter(pieces, state.model.annotations, { makeBadge });
  state.highlighter = h;
  let t = performance.now();
  // Long texts: paragraphs skip off-screen layout (CSS content-visibility), and
  // the tree is built detached, then attached once.
  art.classList.toggle('long', big);
  while (!h.run(64)) {
    if (performance.now() - t > 12) {
      showProgress('showing annotations', 0.8 + 0.15 * h.progress);
      if (big) setStatus(`Showing annotations… ${Math.round(h.progress * 100)}%`, 'busy');
      await nextFrame();
      if (state.seq !== id) return;
      t = performance.now();
    }
  }
  if (big) {
    // The first layout of a block is full price even with content-visibility:
    // attach the blocks a few at a time, forcing each one's layout, so no
    // frame takes long.
    const blocks = [...holder.children];
    art.appendChild(holder);
    holder.replaceChildren();
    t = performance.now();
    for (let i = 0; i < blocks.length; i++) {
      holder.appendChild(blocks[i]);
      void blocks[i].offsetHeight;
      if (performance.now() - t > 12 && i + 1 < blocks.length) {
        showProgress('showing the article', 0.95 + 0.05 * (i / blocks.length));
        await nextFrame();
        if (state.seq !== id) return;
        t = performance.now();
      }
    }
  } else {
    art.appendChild(holder);
  }

  art.removeAttribute('aria-busy');
  state.renderedSeq = id;
  state.renderedAt = performance.now();
}

function makeBadge(ann) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'lede-badge-btn';
  b.dataset.kind = ann.kind === 'check' ? 'check' : 'quote';
  b.dataset.id = ann.ref;
  if (ann.kind === 'check') {
    b.classList.add('lede-flag');
    b.textContent = '⚠';
    b.setAttribute('aria-label', 'Figures disagree: ' + (describe(state.model, 'check', ann.ref)[1] || 'check'));
    return b;
  }
  // Accessible name = visible text plus a hidden lead-in: "quote by anon one of the officials".
  const lead = document.createElement('span');
  lead.className = 'visually-hidden';
  lead.textContent = 'quote by ';
  b.appendChild(lead);
  b.appendChild(badge(document, ann.badge.label, ann.badge.anonymous));
  return b;
}

// ---- panels ---------------------------------------------------------------

function renderTabs() {
  ui.tabs.replaceChildren();
  for (const p of PANELS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = 'tab-' + p.key;
    b.className = 'tab';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-controls', 'tabpanel');
    b.setAttribute('aria-selected', String(state.panel === p.key));
    b.tabIndex = state.panel === p.key ? 0 : -1;
    b.dataset.panel = p.key;
    b.textContent = p.title + ' ';
    const n = document.createElement('span');
    n.className = 'count';
    n.textContent = String(panelCount(state.model, p.key));
    b.appendChild(n);
    ui.tabs.appendChild(b);
  }
}

function renderCurrentPanel() {
  let ul = document.getElementById('panel');
  const tabpanel = document.getElementById('tabpanel');
  if (!ul) {
    ul = document.createElement('ul');
    ul.id = 'panel';
    ul.className = 'panel';
    tabpanel.appendChild(ul);
  }
  tabpanel.setAttribute('aria-labelledby', 'tab-' + state.panel);
  ul.dataset.panel = state.panel;
  renderPanel(ul, state.panel, state.model, {
    emptyText: state.analysis ? undefined : 'Nothing analysed yet.',
  });
}

function choosePanel(key, focus) {
  state.panel = key;
  for (const b of ui.tabs.children) {
    const on = b.dataset.panel === key;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    if (on && focus) b.focus();
  }
  renderCurrentPanel();
}

ui.tabs.addEventListener('click', (e) => {
  const b = e.target.closest('[role=tab]');
  if (b) choosePanel(b.dataset.panel, true);
});
ui.tabs.addEventListener('keydown', (e) => {
  const keys = PANELS.map((p) => p.key);
  let i = keys.indexOf(state.panel);
  if (e.key === 'ArrowRight') i = (i + 1) % keys.length;
  else if (e.key === 'ArrowLeft') i = (i + keys.length - 1) % keys.length;
  else if (e.key === 'Home') i = 0;
  else if (e.key === 'End') i = keys.length - 1;
  else return;
  e.preventDefault();
  choosePanel(keys[i], true);
});
ui.panelHost.addEventListener('click', (e) => {
  const b = e.target.closest('.lede-item');
  if (b) select(b.dataset.kind, b.dataset.id, true);
});

// ---- selection: highlight and scroll to an item's mentions -----------------

function clearSelection() {
  if (state.selection) for (const group of state.selection.elements) for (const el of group) el.classList.remove('lede-selected');
  state.selection = null;
  ui.details.hidden = true;
}

function select(kind, id, scroll) {
  clearSelection();
  if (!state.model || !lookup(state.model, kind, id)) return;
  const h = state.highlighter;
  const idx = state.refIndex.get(kind + ':' + id) || [];
  // One group per annotated span (a mention, the quote, a claim...), in text order.
  const groups = idx.map((i) => (h ? h.elementsOf(i) : [])).filter((g) => g.length);
  groups.sort((x, y) => (x[0].compareDocumentPosition(y[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const g of groups) for (const el of g) el.classList.add('lede-selected');
  state.selection = { kind, id, elements: groups, pos: 0 };
  ui.detailsBody.replaceChildren();
  for (const line of describe(state.model, kind, id)) {
    const p = document.createElement('p');
    p.textContent = line;
    ui.detailsBody.appendChild(p);
  }
  ui.details.hidden = false;
  ui.prev.disabled = ui.next.disabled = groups.length < 2;
  goTo(0, scroll);
}

function goTo(pos, scroll) {
  const s = state.selection;
  if (!s || !s.elements.length) {
    ui.pos.textContent = s ? 'not in the text' : '';
    return;
  }
  s.pos = (pos + s.elements.length) % s.elements.length;
  for (const g of s.elements) for (const el of g) el.classList.remove('lede-current');
  const group = s.elements[s.pos];
  for (const el of group) el.classList.add('lede-current');
  ui.pos.textContent = `${s.pos + 1} of ${s.elements.length}`;
  if (scroll) {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    group[0].scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  }
}
ui.prev.addEventListener('click', () => goTo(state.selection.pos - 1, true));
ui.next.addEventListener('click', () => goTo(state.selection.pos + 1, true));
ui.closeDetails.addEventListener('click', () => clearSelection());
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    hideTooltip();
    if (state.selection) clearSelection();
  }
});

// ---- hover / focus details in the article ----------------------------------

function refsAt(el) {
  if (el.classList.contains('lede-badge-btn')) return [[el.dataset.kind, el.dataset.id]];
  const seen = new Set();
  const out = [];
  for (const i of Highlighter.indexesOf(el)) {
    const a = state.model.annotations[i];
    const kind = a.kind === 'cue' ? 'quote' : a.kind;
    const key = kind + ':' + a.ref;
    if (!seen.has(key)) {
      seen.add(key);
      out.push([kind, a.ref]);
    }
  }
  return out;
}

function showTooltip(el) {
  if (!state.model) return;
  const refs = refsAt(el);
  if (!refs.length) return;
  ui.tooltip.replaceChildren();
  for (const [kind, id] of refs) {
    const box = document.createElement('div');
    box.className = 'tip-item tip-' + kind;
    describe(state.model, kind, id).forEach((line, i) => {
      const p = document.createElement(i === 0 ? 'strong' : 'p');
      p.textContent = line;
      box.appendChild(p);
    });
    ui.tooltip.appendChild(box);
  }
  ui.tooltip.hidden = false;
  const r = el.getBoundingClientRect();
  const tw = Math.min(360, window.innerWidth - 16);
  ui.tooltip.style.maxWidth = tw + 'px';
  const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - tw - 8));
  ui.tooltip.style.left = left + 'px';
  ui.tooltip.style.top = r.bottom + window.scrollY + 6 + 'px';
  el.setAttribute('aria-describedby', 'tooltip');
}
function hideTooltip() {
  ui.tooltip.hidden = true;
}
const annotated = (t) => t && t.closest && t.closest('.lede-seg, .lede-badge-btn');
ui.article.addEventListener('mouseover', (e) => {
  const el = annotated(e.target);
  if (el) showTooltip(el);
});
ui.article.addEventListener('mouseout', (e) => {
  if (annotated(e.target) && !annotated(e.relatedTarget)) hideTooltip();
});
ui.article.addEventListener('focusin', (e) => {
  const el = annotated(e.target);
  if (el) showTooltip(el);
});
ui.article.addEventListener('focusout', hideTooltip);
ui.article.addEventListener('click', (e) => {
  const b = e.target.closest('.lede-badge-btn');
  if (b) {
    select(b.dataset.kind, b.dataset.id, false);
    return;
  }
  const el = annotated(e.target);
  if (!el) return;
  const refs = refsAt(el);
  // Prefer the most specific thing under the pointer: an entity, then a quote, a claim, a check.
  const order = ['entity', 'quote', 'check', 'claim'];
  refs.sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0]));
  if (refs.length) select(refs[0][0], refs[0][1], false);
});

// ---- views: article / compare ------------------------------------------------

setupCompare(engine, { currentText: getInput, readFile: readFileText });

// ---- start ------------------------------------------------------------------

async function start() {
  renderTabs();
  renderCurrentPanel();
  engine.start();
  try {
    // Fetched now so that choosing the sample later makes no request.
    state.sample = await (await fetch('./sample.txt')).text();
  } catch {
    state.sample = null;
  }
  if (!ui.text.value && state.sample) {
    setInput(state.sample);
    setStatus('Sample article loaded.');
  }
  if (ui.text.value) analyzeNow();
  else setStatus('Paste an article, open a file, or try the sample article.');
}
start();
