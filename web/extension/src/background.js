// lede service worker (module): runs the wasm core and drives the content script.
//
// The toolbar button and the context menu both call run(tab, mode): inject
// vendor/readability.js + content.js into the tab (activeTab grants this for the
// tab the user clicked in; there are no host permissions), ask the content
// script for the article text, analyse it here (the extension pages' CSP allows
// 'wasm-unsafe-eval'; the page's CSP never applies), send the analysis back to
// be highlighted, and keep the result in chrome.storage.session for the side
// panel. A second click on the button turns the highlights off again.
// Nothing here makes a network request: the module's bytes come from the
// extension package itself.
import {createLede} from './lede/lede.js';

let enginePromise = null;

function engine() {
  if (!enginePromise) {
    enginePromise = (async () => {
      const res = await fetch(chrome.runtime.getURL('lede/lede.wasm'));
      const wasmBinary = new Uint8Array(await res.arrayBuffer());
      return createLede({wasmBinary});
    })();
    enginePromise.catch(() => {
      enginePromise = null;
    });
  }
  return enginePromise;
}

const key = (tabId) => `tab:${tabId}`;

async function getState(tabId) {
  const k = key(tabId);
  return (await chrome.storage.session.get(k))[k] || null;
}

async function setState(tabId, state) {
  await chrome.storage.session.set({[key(tabId)]: state});
  await chrome.action.setBadgeText({tabId, text: state && state.on ? 'on' : ''}).catch(() => {});
}

async function inContent(tabId, func, ...args) {
  const [res] = await chrome.scripting.executeScript({target: {tabId}, func, args});
  return res ? res.result : undefined;
}

// Analyses the page (mode.selection: only the selected text) and highlights it.
async function analyzeTab(tabId, mode = {}) {
  const started = performance.now();
  let stage = 'inject';
  try {
    await setState(tabId, {status: 'working', on: false});
    await chrome.scripting.executeScript({target: {tabId}, files: ['vendor/readability.js', 'content.js']});
    stage = 'extract';
    const extracted = await inContent(tabId, (m) => globalThis.__lede.extract(m), {selection: !!mode.selection});
    if (!extracted || extracted.error) {
      await setState(tabId, {status: 'error', on: false, message: (extracted && extracted.error) || 'No text.'});
      return {ok: false, error: extracted && extracted.error};
    }
    stage = 'analyse';
    const lede = await engine();
    const analysis = lede.analyze(extracted.text);
    const analysedMs = performance.now() - started;
    stage = 'highlight';
    await chrome.scripting.insertCSS({target: {tabId}, files: ['highlight.css']});
    const counts = await inContent(tabId, (a) => globalThis.__lede.highlight(a), analysis);
    const state = {
      status: 'done', on: true, selection: !!mode.selection, title: extracted.title, url: extracted.url,
      text: extracted.text, analysis, counts, ms: Math.round(analysedMs),
    };
    await setState(tabId, state);
    return {ok: true, counts, chars: extracted.chars};
  } catch (e) {
    const message = String((e && e.message) || e);
    // A tab closed while it was being analysed fails here after
    // tabs.onRemoved dropped its state: writing the error would leave a stale
    // entry for a tab that no longer exists.
    if (!(await chrome.tabs.get(tabId).catch(() => null))) return {ok: false, stage, error: message};
    await setState(tabId, {status: 'error', on: false, stage, message});
    return {ok: false, stage, error: message};
  }
}

async function clearTab(tabId) {
  let removed = 0;
  try {
    removed = (await inContent(tabId, () => (globalThis.__lede ? globalThis.__lede.clear().removed : 0))) || 0;
    await chrome.scripting.removeCSS({target: {tabId}, files: ['highlight.css']});
  } catch (e) {
    // The tab navigated away or closed: nothing left to restore.
  }
  const state = await getState(tabId);
  if (state) await setState(tabId, {...state, on: false});
  return {ok: true, removed};
}

// Highlights on -> off; otherwise analyse (again).
async function toggleTab(tabId) {
  const state = await getState(tabId);
  if (state && state.on) return clearTab(tabId);
  return analyzeTab(tabId);
}

function openPanel(tab) {
  // Must run synchronously inside the user-gesture handler.
  if (chrome.sidePanel && chrome.sidePanel.open) {
    chrome.sidePanel.open({windowId: tab.windowId}).catch(() => {});
  }
}

chrome.action.onClicked.addListener((tab) => {
  openPanel(tab);
  return toggleTab(tab.id);
});

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({id: 'lede-selection', title: 'Analyse selection with lede', contexts: ['selection']});
    chrome.contextMenus.create({id: 'lede-page', title: 'Analyse this article with lede', contexts: ['page']});
  });
});

function onContextMenu(info, tab) {
  if (!tab) return Promise.resolve({ok: false});
  openPanel(tab);
  return analyzeTab(tab.id, {selection: info.menuItemId === 'lede-selection'});
}
chrome.contextMenus.onClicked.addListener(onContextMenu);

// From the side panel (an extension page): the same actions, for the tab it shows.
chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  // Only the extension's own pages (not content scripts, which run in web pages).
  const own = sender.id === chrome.runtime.id && typeof sender.url === 'string' &&
    sender.url.startsWith(chrome.runtime.getURL(''));
  if (!msg || !own) return false;
  const tabId = msg.tabId;
  let p = null;
  if (msg.type === 'lede:toggle') p = toggleTab(tabId);
  else if (msg.type === 'lede:analyze') p = analyzeTab(tabId);
  else if (msg.type === 'lede:clear') p = clearTab(tabId);
  if (!p) return false;
  p.then(reply, (e) => reply({ok: false, error: String(e)}));
  return true;
});

chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') chrome.storage.session.remove(key(tabId));
});
chrome.tabs.onRemoved.addListener((tabId) => chrome.storage.session.remove(key(tabId)));

// For tests driving the worker directly (Playwright's worker handle): the same
// functions the listeners above call; the browser still enforces activeTab.
// createLede: for the test that drives a capped module out of memory here.
globalThis.lede = {analyzeTab, clearTab, toggleTab, onContextMenu, engine, createLede};
