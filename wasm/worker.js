// worker.js: runs lede in a Web Worker (a module worker) so a long analysis
// never blocks the page.
//
//   const worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'});
//   worker.postMessage({id: 1, type: 'analyze', text, options});
//   worker.postMessage({id: 2, type: 'compare', a, b, options});
//   worker.onmessage = ({data}) => { data.id; data.result or data.error };
//
// Replies: {id, result} (the analysis/comparison object) or {id, error}
// (the message). Type 'version' replies with {id, result: '0.1.0'}.
// worker-client.js wraps this protocol in promises.
import {createLede} from './lede.js';

let ledePromise = null;

function getLede() {
  if (!ledePromise) {
    ledePromise = createLede().catch((err) => {
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
    let result;
    if (type === 'analyze') {
      result = lede.analyze(text, options);
    } else if (type === 'compare') {
      result = lede.compare(a, b, options);
    } else if (type === 'version') {
      result = lede.version;
    } else {
      throw new Error(`lede worker: unknown message type '${type}'`);
    }
    self.postMessage({id, result});
  } catch (err) {
    const message = String(err?.message ?? err);
    // A module that stopped (e.g. out of memory) is replaced on the next message.
    if (message.includes('wasm module stopped')) ledePromise = null;
    self.postMessage({id, error: message});
  }
};
