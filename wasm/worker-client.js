// worker-client.js: promises over the worker.js message protocol, for pages.
//
//   import {createLedeWorker} from './worker-client.js';
//   const lede = createLedeWorker();   // worker.js beside this file
//   const result = await lede.analyze(text, {offsets: 'utf16'});
//   lede.terminate();
//
// The worker compiles lede.wasm and sends the WebAssembly.Module back
// ({type: 'module'}); `wasmModule` is a promise of it (or null). Pass it to
// the next createLedeWorker ({wasmModule}) and that worker gets the module
// already compiled (worker.js?wasm=post) instead of fetching lede.wasm again.
export function createLedeWorker(url = new URL('./worker.js', import.meta.url), {wasmModule} = {}) {
  let worker;
  let received;
  const wasm = new Promise((resolve) => (received = resolve));
  if (wasmModule) {
    const workerUrl = new URL(url, globalThis.location?.href);
    workerUrl.searchParams.set('wasm', 'post');
    worker = new Worker(workerUrl, {type: 'module'});
    Promise.resolve(wasmModule).then((module) => module, () => null).then((module) => {
      received(module);
      worker.postMessage({type: 'module', module: module instanceof WebAssembly.Module ? module : null});
    });
  } else {
    worker = new Worker(url, {type: 'module'});
  }
  const pending = new Map();
  let nextId = 1;
  worker.onmessage = ({data}) => {
    if (data?.type === 'module') {
      received(data.module);
      return;
    }
    const p = pending.get(data?.id);
    if (!p) return;
    pending.delete(data.id);
    if ('error' in data) p.reject(new Error(data.error));
    else if ('json' in data) p.resolve(JSON.parse(data.json));
    else p.resolve(data.result);
  };
  worker.onerror = (event) => {
    const err = new Error(`lede worker failed: ${event.message ?? 'could not load'}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    received(null);
  };
  function send(message) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, {resolve, reject});
      worker.postMessage({id, ...message});
    });
  }
  return {
    analyze: (text, options) => send({type: 'analyze', text, options}),
    compare: (a, b, options) => send({type: 'compare', a, b, options}),
    version: () => send({type: 'version'}),
    /** The worker's start-up timeline (scripts/bench-startup.mjs). */
    startup: () => send({type: 'startup'}),
    /** Promise of lede.wasm compiled (or null), for the next createLedeWorker. */
    wasmModule: wasm,
    terminate: () => {
      worker.terminate();
      received(null);  // unless it came already
    },
  };
}
