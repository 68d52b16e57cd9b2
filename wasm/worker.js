// worker.js: runs lede in a Web Worker (a module worker) so a long analysis
// never blocks the page.
//
//   const worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'});
//   worker.postMessage({id: 1, type: 'analyze', text, options});
//   worker.postMessage({id: 2, type: 'compare', a, b, options});
//   worker.onmessage = ({data}) => { data.id; data.result or data.error };
//
// Replies: {id, json} (the analysis/comparison as its JSON string: the
// receiver parses it; cheaper than parsing here and structured-cloning the
// object across, ~1.35x the round trip in Chromium) or {id, result} (type
// 'version': '0.1.0'; type 'startup': the start-up timeline below), or
// {id, error} (the message).
// worker-client.js and web/app/engine.js wrap this protocol in promises.
//
// `worker.js?maxMemory=N` caps the module's memory at N bytes (default 1 GiB);
// an analysis that needs more replies with an out-of-memory error, and the
// next message runs in a fresh instance (lede.js).
//
// Start-up: the build folds lede.js and Emscripten's loader into this file
// (gen/worker.js is one script: wasm/bundle-worker.mjs), so nothing but
// lede.wasm is fetched after it, and this file starts fetching and compiling
// it (streaming) as soon as it runs. Once the module is ready, the worker
// posts the compiled WebAssembly.Module to its creator, {type: 'module',
// module} (no id), so that a page can hand it to the next worker it starts:
// `worker.js?wasm=post` waits for {type: 'module', module} as a message
// instead of fetching lede.wasm (null: fetch it after all). A restarted
// worker is then ready at once, with the functions V8 already compiled
// (web/app/engine.js and worker-client.js do this).
import {createLede} from './lede.js';

// When each step of the start-up ended, in ms since the epoch
// (performance.timeOrigin + now(), comparable across threads), for
// scripts/bench-startup.mjs, which asks for them with {type: 'startup'}:
// script (this file runs), compiled (lede.wasm compiled, or received from
// the page), ready (instantiated and started), warmUpStart/warmUpEnd.
// (Before lede.js was folded in, also `imported`.)
const now = () => performance.timeOrigin + performance.now();
const startup = {script: now()};
const params = new URL(self.location.href).searchParams;

// lede.wasm compiled, or null (then lede.js fetches and compiles the bytes).
let receiveModule = null;
let fromPage = false;  // the module came from the page: no need to send it back
let early = params.get('wasm') === 'post' ?
    new Promise((resolve) => (receiveModule = resolve)).then((module) => {
      fromPage = module !== null;
      return module ?? compileEarly();
    }) :
    compileEarly();
let compiled = null;
early.then((module) => {
  startup.compiled = now();
  compiled = module;
});

function compileEarly() {
  if (typeof WebAssembly.compileStreaming !== 'function') return Promise.resolve(null);
  const url = new URL('lede.wasm', import.meta.url);
  return WebAssembly.compileStreaming(fetch(url, {credentials: 'same-origin'})).catch(() => null);
}

let ledePromise = null;

function options() {
  const n = Number(new URL(self.location.href).searchParams.get('maxMemory'));
  const wasmModule = early;
  early = null;  // a retry after a failure starts afresh
  return n > 0 ? {maxMemory: n, wasmModule} : {wasmModule};
}

function getLede() {
  if (!ledePromise) {
    ledePromise = createLede(options()).catch((err) => {
      ledePromise = null;  // let the next message try again
      throw err;
    });
  }
  return ledePromise;
}

// The module is instantiated as soon as the worker starts, not on the first
// message; once it is ready and no message is waiting, one short analysis
// sets up what the first one would (the tagger's model, lexicons, patterns:
// a few hundred milliseconds of cold wasm), so that a text sent after that
// is analysed without the wait. A message already queued goes first.
const WARM_UP = 'Ann Lee said on Monday that "the 3 towns cost $5 million."';
getLede().then(
    (lede) => {
      startup.ready = now();
      if (!fromPage) self.postMessage({type: 'module', module: compiled});
      setTimeout(() => {
        startup.warmUpStart = now();
        try {
          lede.analyzeJson(WARM_UP);
        } catch {
          // lede.js has restarted the instance; the next message will report it
        }
        startup.warmUpEnd = now();
      }, 0);
    },
    () => {
      // reported by the first message's reply
      if (!fromPage) self.postMessage({type: 'module', module: null});
    });

self.onmessage = async (event) => {
  const {id, type, text, a, b, options} = event.data ?? {};
  if (type === 'module') {
    receiveModule?.(event.data.module instanceof WebAssembly.Module ? event.data.module : null);
    receiveModule = null;
    return;
  }
  try {
    const lede = await getLede();
    if (type === 'analyze') {
      self.postMessage({id, json: lede.analyzeJson(text, options)});
    } else if (type === 'compare') {
      self.postMessage({id, json: lede.compareJson(a, b, options)});
    } else if (type === 'version') {
      self.postMessage({id, result: lede.version});
    } else if (type === 'startup') {
      self.postMessage({id, result: startup});
    } else {
      throw new Error(`lede worker: unknown message type '${type}'`);
    }
  } catch (err) {
    // Out of memory or a crash: lede.js has already dropped the instance and
    // runs the next message in a fresh one.
    self.postMessage({id, error: String(err?.message ?? err)});
  }
};
