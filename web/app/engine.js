// Talks to the analysis worker (gen/worker.js, built from wasm/worker.js):
// messages {id, type: 'analyze'|'compare', ...} -> {id, json} | {id, result} | {id, error},
// optional {id, progress}. A long analysis that is no longer wanted (the
// reader kept typing) is abandoned by restarting the worker.
//
// Start-up: the worker fetches and compiles gen/lede.wasm itself, and sends the
// compiled WebAssembly.Module back ({type: 'module', module}); the engine
// keeps it, so a restarted worker gets it at once (worker.js?wasm=post, the
// module posted as the first message), functions V8 compiled already
// included, instead of fetching and compiling lede.wasm again.
export class Engine {
  constructor(url = new URL('./gen/worker.js', import.meta.url)) {
    this.url = url;
    this.wasm = null;  // lede.wasm compiled (a WebAssembly.Module), from the first worker
    this.worker = null;
    this.pending = new Map();
    this.nextId = 1;
    this.failed = null;  // Error once the worker could not load
  }

  start() {
    if (this.worker) return;
    let w;
    const wasm = this.wasm;
    try {
      if (wasm) {
        const url = new URL(this.url, location.href);
        url.searchParams.set('wasm', 'post');
        w = new Worker(url, { type: 'module' });
        w.postMessage({ type: 'module', module: wasm });
      } else {
        w = new Worker(this.url, { type: 'module' });
      }
    } catch (err) {
      this.failed = new Error(`analysis engine could not start: ${err.message}`);
      return;
    }
    this.worker = w;
    w.onmessage = ({ data }) => {
      if (data && data.type === 'module') {
        if (data.module instanceof WebAssembly.Module) this.wasm = data.module;
        return;
      }
      const p = data && this.pending.get(data.id);
      if (!p) return;
      if ('progress' in data && !('result' in data) && !('json' in data) && !('error' in data)) {
        if (p.onProgress) p.onProgress(Number(data.progress));
        return;
      }
      this.pending.delete(data.id);
      if ('error' in data) p.reject(new Error(String(data.error)));
      else if ('json' in data) {
        // The worker sends the analysis as JSON text: parsing it here is
        // cheaper than the worker parsing it and cloning the object across.
        try {
          p.resolve(JSON.parse(data.json));
        } catch (err) {
          p.reject(err);
        }
      } else p.resolve(data.result);
    };
    w.onerror = (event) => {
      event.preventDefault();
      this.failed = new Error('the analysis engine is not available (gen/worker.js did not load; run scripts/run.sh to build it)');
      this.rejectAll(this.failed);
      this.worker = null;
      w.terminate();
    };
  }

  rejectAll(err) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  get busy() {
    return this.pending.size > 0;
  }

  /** Abandons every request in flight (their promises reject with `cancelled`). */
  restart() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    const err = new Error('cancelled');
    err.cancelled = true;
    this.rejectAll(err);
    this.start();
  }

  send(message, onProgress) {
    this.start();
    if (!this.worker) return Promise.reject(this.failed || new Error('analysis engine not available'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, ...message });
    });
  }

  analyze(text, options = {}, onProgress) {
    return this.send({ type: 'analyze', text, options }, onProgress);
  }

  compare(a, b, options = {}) {
    return this.send({ type: 'compare', a, b, options });
  }
}
