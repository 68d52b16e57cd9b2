// The page side of `node scripts/bench-startup.mjs` (its Chromium part with no
// DevTools attached): served beside a gen/ build, it starts the worker as
// web/app/engine.js does, times it, and posts the figures (ms) to /result.
//
// 1. After 1.5 s for the browser to settle, `new Worker('worker.js')` -> first reply (the worker fetches and compiles
//    lede.wasm itself), then a first analysis sent at once.
// 2. After 1 s idle, the worker's own timeline (wasm/worker.js, {type: 'startup'}).
// 3. A restart as the page does one: the first worker terminated, a new one
//    given the compiled module the first sent back (worker.js?wasm=post);
//    with a build whose worker sends nothing back, a plain new Worker.
const SAMPLE = 'Joe Biden said "we will win." The Pentagon confirmed 20 towns.';
const out = {};
const now = () => performance.now();

function client(url) {
  const w = new Worker(url, {type: 'module'});
  let id = 0;
  let module = null;
  const waiting = new Map();
  w.onmessage = ({data}) => {
    if (data?.type === 'module') {
      module = data.module;
      return;
    }
    const p = waiting.get(data?.id);
    if (!p) return;
    waiting.delete(data.id);
    if ('error' in data) p.reject(new Error(data.error));
    else p.resolve(data);
  };
  const ask = (msg) => new Promise((resolve, reject) => {
    const mine = ++id;
    waiting.set(mine, {resolve, reject});
    w.postMessage({id: mine, ...msg});
  });
  return {w, ask, module: () => module};
}

try {
  // A browser just started is busy for a while: begin when it has settled,
  // as the Playwright measurements do (they start from an idle blank page).
  await new Promise((r) => setTimeout(r, 1500));
  const t0 = now();
  const epoch0 = performance.timeOrigin + t0;
  const a = client('worker.js');
  await a.ask({type: 'version'});
  out['worker ready (new Worker -> first reply)'] = now() - t0;
  let t = now();
  await a.ask({type: 'analyze', text: SAMPLE});
  out['first analysis sent at once (after the warm-up)'] = now() - t;
  await new Promise((r) => setTimeout(r, 1000));
  const {result: s} = await a.ask({type: 'startup'});
  out['timeline: worker.js runs'] = s.script - epoch0;
  out['timeline: lede.wasm compiled'] = s.compiled - epoch0;
  if (s.imported) out['timeline: lede.js + loader imported (2 imports)'] = s.imported - epoch0;
  out['timeline: ready'] = s.ready - epoch0;
  out['timeline: warm-up analysis'] = s.warmUpEnd - s.warmUpStart;
  const module = a.module();
  a.w.terminate();

  t = now();
  let b;
  if (module instanceof WebAssembly.Module) {
    b = client('worker.js?wasm=post');
    b.w.postMessage({type: 'module', module});
  } else {
    b = client('worker.js');
  }
  await b.ask({type: 'version'});
  out['restarted worker ready'] = now() - t;
  t = now();
  await b.ask({type: 'analyze', text: SAMPLE});
  out['restarted worker: first analysis sent at once'] = now() - t;
  b.w.terminate();
} catch (err) {
  out.error = String(err?.message ?? err);
}
await fetch('/result', {method: 'POST', body: JSON.stringify(out)});
