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
// 'version': '0.1.0'), or {id, error} (the message).
// worker-client.js and web/app/engine.js wrap this protocol in promises.
//
// `worker.js?maxMemory=N` caps the module's memory at N bytes (default 1 GiB);
// an analysis that needs more replies with an out-of-memory error, and the
// next message runs in a fresh instance (lede.js).
import {createLede} from './lede.js';

let ledePromise = null;

function options() {
  const n = Number(new URL(self.location.href).searchParams.get('maxMemory'));
  return n > 0 ? {maxMemory: n} : {};
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

self.onmessage = async (event) => {
  const {id, type, text, a, b, options} = event.data ?? {};
  try {
    const lede = await getLede();
    if (type === 'analyze') {
      self.postMessage({id, json: lede.analyzeJson(text, options)});
    } else if (type === 'compare') {
      self.postMessage({id, json: lede.compareJson(a, b, options)});
    } else if (type === 'version') {
      self.postMessage({id, result: lede.version});
    } else {
      throw new Error(`lede worker: unknown message type '${type}'`);
    }
  } catch (err) {
    // Out of memory or a crash: lede.js has already dropped the instance and
    // runs the next message in a fresh one.
    self.postMessage({id, error: String(err?.message ?? err)});
  }
};
