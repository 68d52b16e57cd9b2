// lede side panel: lists what the analysis of the current tab holds (people
// with roles, quotes by speaker, claims, checks), using the same view model
// and panel rendering as the web page (shared/), and scrolls the page to an
// item when it is chosen. Article strings reach the DOM as text only (the
// shared renderer uses textContent).
//
// The tab shown is the active tab of this window, or ?tab=ID.
import {buildModel} from './shared/model.js';
import {PANELS, panelCount, renderPanel} from './shared/panels.js';

const $ = (id) => document.getElementById(id);
const fixedTab = Number(new URLSearchParams(location.search).get('tab')) || null;
let tabId = fixedTab;
let state = null;
const cycle = new Map();  // item id -> next occurrence to scroll to

async function currentTab() {
  if (fixedTab) return fixedTab;
  const [tab] = await chrome.tabs.query({active: true, currentWindow: true});
  return tab ? tab.id : null;
}

function setStatus(text) {
  $('status').textContent = text;
}

function render() {
  const main = $('panels');
  main.replaceChildren();
  const toggle = $('toggle');
  const src = $('source');
  if (!state) {
    setStatus('Click the lede button in the toolbar to analyse the article on this tab.');
    toggle.disabled = true;
    src.hidden = true;
    return;
  }
  if (state.status === 'working') {
    setStatus('Analysing…');
    toggle.disabled = true;
    return;
  }
  if (state.status === 'error') {
    setStatus(`Could not analyse this page: ${state.message}`);
    toggle.disabled = true;
    return;
  }
  toggle.disabled = false;
  toggle.textContent = state.on ? 'Highlights off' : 'Highlights on';
  toggle.setAttribute('aria-pressed', state.on ? 'true' : 'false');
  const a = state.analysis || {};
  const st = a.stats || {};
  setStatus(`${state.selection ? 'Selection' : 'Article'}: ${st.words || 0} words, ` +
      `${(a.entities || []).length} entities, ${(a.quotes || []).length} quotes, ` +
      `${(a.claims || []).length} claims (${state.ms} ms).`);
  src.hidden = !state.title;
  src.textContent = state.title || '';
  const model = buildModel(a);
  for (const p of PANELS) {
    const sec = document.createElement('section');
    sec.className = 'lede-panel';
    sec.dataset.panel = p.key;
    const h = document.createElement('h2');
    h.textContent = `${p.title} (${panelCount(model, p.key)})`;
    const ul = document.createElement('ul');
    ul.className = 'lede-list';
    renderPanel(ul, p.key, model);
    sec.append(h, ul);
    main.appendChild(sec);
  }
}

async function load() {
  tabId = await currentTab();
  if (tabId == null) {
    state = null;
  } else {
    const k = `tab:${tabId}`;
    state = (await chrome.storage.session.get(k))[k] || null;
  }
  render();
}

async function choose(kind, id) {
  if (!state || !state.on || tabId == null) return;
  const n = cycle.get(id) || 0;
  try {
    const res = await chrome.tabs.sendMessage(tabId, {type: 'lede:focus', kind, id, n});
    if (res && res.count) cycle.set(id, (n + 1) % res.count);
  } catch (e) {
    setStatus('The page is no longer available; analyse it again.');
  }
}

$('panels').addEventListener('click', (ev) => {
  const b = ev.target.closest('button.lede-item');
  if (b) choose(b.dataset.kind, b.dataset.id);
});

$('toggle').addEventListener('click', async () => {
  if (tabId == null) return;
  $('toggle').disabled = true;
  const res = await chrome.runtime.sendMessage({type: 'lede:toggle', tabId});
  if (res && !res.ok && res.error) setStatus(res.error);
  await load();
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && tabId != null && changes[`tab:${tabId}`]) load();
});
if (!fixedTab) {
  chrome.tabs.onActivated.addListener(() => load());
}
load();
