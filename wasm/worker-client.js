// worker-client.js: promises over the worker.js message protocol, for pages.
//
//   import {createLedeWorker} from './worker-client.js';
//   const lede = createLedeWorker();   // worker.js beside this file
//   const result = await lede.analyze(text, {offsets: 'utf16'});
//   lede.terminate();
export function createLedeWorker(url = new URL('./worker.js', import.meta.url)) {
  const worker = new Worker(url, {type: 'module'});
  const pending = new Map();
  let nextId = 1;
  worker.onmessage = ({data}) => {
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
    terminate: () => worker.terminate(),
  };
}
