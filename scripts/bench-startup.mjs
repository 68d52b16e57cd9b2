#!/usr/bin/env node
// Benchmark (not a test): how long the wasm module takes to be ready, and
// where that time goes, in node and in headless Chromium (web/app/gen/, built
// by the wasm-release preset). Issue #8's target: module ready in < 100 ms.
//
//   node scripts/bench-startup.mjs [--runs N] [--no-node] [--no-browser] [--no-playwright] [--gen DIR]...
//
// --gen DIR (repeatable; default web/app/gen): a wasm build's gen/ directory
// (lede.wasm, lede.js, lede-module.js, worker.js, worker-client.js). With two
// or more, each run measures every build, in an order that alternates (AB,
// BA, ...), and the report has a column per build: before/after in one sitting.
//
// node (a fresh process per run): importing lede.js, createLede (compile +
// instantiate + the module's start-up), the first analysis (the model and
// lexicons set up on first use) and a second one.
// Chromium, through the test server (no-store, so nothing is cached between
// runs), a fresh context for each cold start: the worker's start (new Worker
// -> first reply) and the first analysis sent at once; the page's way
// (worker-client.js, which may compile lede.wasm on the page and post it:
// createLedeWorker -> first reply), the worker's timeline, a first analysis
// after 1 s idle, and a restarted worker given the same compiled module; then
// the worker's own timeline for `new Worker` (when worker.js ran, lede.wasm
// was compiled, the module ready, how long its warm-up analysis took, from
// new Worker) and the pieces, timed on the page's main thread: fetching
// lede.wasm, compiling its bytes, compileStreaming, importing lede.js,
// createLede, the first analysis.
// Figures are medians over the runs (wall time), with min and max.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP, CHROMIUM, CSP, ROOT, hasEngine, launch, serve } from '../tests/e2e/helpers.mjs';

const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})`;
const SAMPLE = 'Joe Biden said "we will win." The Pentagon confirmed 20 towns.';

const gens = argv.flatMap((a, i) => (a === '--gen' ? [resolve(argv[i + 1])] : []))
  .map((dir) => ({ dir, rows: {} }));
if (gens.length === 0) {
  if (!hasEngine()) throw new Error('web/app/gen is not built: cmake --preset wasm-release && cmake --build --preset wasm-release');
  gens.push({ dir: join(APP, 'gen'), rows: {} });
}
// Run r measures the builds in this order: forwards on even runs, backwards on odd.
const order = (r) => (r % 2 ? [...gens.keys()].reverse() : [...gens.keys()]);
gens.forEach((g, i) => {
  const size = (f) => {
    try {
      const b = readFileSync(join(g.dir, f));
      return `${f} ${b.length} B (${gzipSync(b, { level: 9 }).length} gz)`;
    } catch {
      return `${f} -`;
    }
  };
  console.log(`[${i}] ${g.dir}: ${['lede.wasm', 'worker.js', 'lede.js', 'lede-module.js'].map(size).join(', ')}`);
});
console.log(`${runs} run(s) each; median (min-max) ms${gens.length > 1 ? ', columns ' + gens.map((_, i) => `[${i}]`).join(' | ') : ''}`);

// --- node ----------------------------------------------------------------
// A fresh process per run: V8 keeps a compiled module for the bytes it has
// seen, so a second compile in the same process is not a cold start.
const nodeChild = (gen) => `
    import { readFileSync } from 'node:fs';
    import { performance } from 'node:perf_hooks';
    const gen = ${JSON.stringify(gen)};
    let t = performance.now();
    const { createLede } = await import(gen + '/lede.js');
    const wasmBinary = readFileSync(gen + '/lede.wasm');
    const imp = performance.now() - t;
    t = performance.now();
    const lede = await createLede({ wasmBinary });
    const ready = performance.now() - t;
    t = performance.now();
    lede.analyzeJson(${JSON.stringify(SAMPLE)});
    const first = performance.now() - t;
    t = performance.now();
    lede.analyzeJson(${JSON.stringify(SAMPLE)});
    const second = performance.now() - t;
    console.log(JSON.stringify({ imp, ready, first, second }));`;
const NODE_ROWS = {
  imp: `node ${process.version}: import lede.js, read lede.wasm`,
  ready: 'node: module ready (createLede: compile, instantiate)',
  first: 'node: first analysis (set-up on first use)',
  second: 'node: second analysis',
};
if (!argv.includes('--no-node')) {
  for (let run = 0; run < runs; run++) {
    for (const i of order(run)) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', nodeChild(gens[i].dir)], { encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').pop());
      for (const [k, label] of Object.entries(NODE_ROWS)) (gens[i].rows[label] ??= []).push(r[k]);
    }
  }
}

// --- Chromium, no DevTools attached ------------------------------------------
// Playwright (below) attaches DevTools to every worker, and a worker then
// waits for the debugger before it fetches its script: tens of ms that no
// reader pays (a trace showed the worker thread idle 136 ms waiting). So the
// worker's start is first timed in a Chromium started by hand, a fresh
// process per run and build: scripts/bench-startup-page.mjs runs in the page
// and posts its figures back.
async function plainChromium() {
  const page = join(ROOT, 'scripts/bench-startup-page.mjs');
  const html = '<!doctype html><title>startup</title><script type="module" src="bench-startup-page.mjs"></script>';
  let pending = null;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (req.method === 'POST' && path === '/result') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        res.end('ok');
        pending?.(JSON.parse(body));
      });
      return;
    }
    const m = path.match(/^\/g(\d+)\/([\w.-]+)$/);
    const g = m && gens[Number(m[1])];
    let body = null;
    if (g && m[2] === 'bench.html') body = html;
    else if (g && m[2] === 'bench-startup-page.mjs') body = readFileSync(page);
    else if (g && existsSync(join(g.dir, m[2]))) body = readFileSync(join(g.dir, m[2]));
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    const types = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };
    res.writeHead(200, { 'content-type': types[extname(m[2])] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    for (let run = 0; run < runs; run++) {
      for (const i of order(run)) {
        const profile = mkdtempSync(join(tmpdir(), 'lede-startup-profile-'));
        const result = new Promise((r) => (pending = r));
        const child = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
          '--disable-extensions', `--user-data-dir=${profile}`, `${origin}/g${i}/bench.html`],
        // its own process group, so that its renderers end with it
        { stdio: 'ignore', detached: true });
        let timer;
        const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no result in 60 s')), 60000)));
        try {
          const r = await Promise.race([result, timeout]);
          if (r.error) throw new Error(`bench-startup-page: ${r.error}`);
          for (const [k, v] of Object.entries(r)) (gens[i].rows[`chromium, no DevTools: ${k}`] ??= []).push(v);
        } finally {
          clearTimeout(timer);
          const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            // already gone
          }
          await exited;
          rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
        }
      }
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
}
if (!argv.includes('--no-browser')) await plainChromium();

// --- Chromium through Playwright (DevTools attached) -------------------------
// Each gen directory is served at /g<i>/; every measurement below that is
// meant to be cold gets a fresh browser context (so a fresh renderer process,
// with no compiled module of these bytes in it).
if (!argv.includes('--no-browser') && !argv.includes('--no-playwright')) {
  const blank = join(mkdtempSync(join(tmpdir(), 'lede-startup-')), 'blank.html');
  writeFileSync(blank, '<!doctype html><title>startup</title>');
  const overrides = {};
  gens.forEach((g, i) => {
    overrides[`/g${i}/blank.html`] = blank;
    for (const f of readdirSync(g.dir)) overrides[`/g${i}/${f}`] = join(g.dir, f);
  });
  const srv = await serve(overrides);
  const browser = await launch();
  // Runs fn(arg) in a blank page beside gen i, in a fresh context.
  const inPage = async (i, fn, arg) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${srv.url}g${i}/blank.html`);
      return await page.evaluate(fn, arg);
    } finally {
      await context.close();
    }
  };
  try {
    console.log(`chromium ${browser.version()}`);
    for (let run = 0; run < runs; run++) {
      for (const i of order(run)) {
        const rows = gens[i].rows;
        const add = (r) => {
          for (const [k, v] of Object.entries(r)) if (Number.isFinite(v)) (rows[k] ??= []).push(v);
        };
        // The worker as `new Worker('worker.js')` (it fetches lede.wasm itself).
        add(await inPage(i, async (sample) => {
          const out = {};
          const ask = (w, msg) => new Promise((resolve, reject) => {
            w.onmessage = ({ data }) => {
              if (data?.id !== 1) return;  // e.g. {type: 'module'}
              if ('error' in data) reject(new Error(data.error));
              else resolve(data);
            };
            w.postMessage({ id: 1, ...msg });
          });
          let t = performance.now();
          const w = new Worker('worker.js', { type: 'module' });
          await ask(w, { type: 'version' });
          out['worker ready (new Worker -> first reply)'] = performance.now() - t;
          t = performance.now();
          await ask(w, { type: 'analyze', text: sample });
          out['first analysis in the worker, sent at once'] = performance.now() - t;
          w.terminate();
          return out;
        }, SAMPLE));
        // The page's way: worker-client.js (as web/app/engine.js), and a
        // restarted worker given the module the first one compiled (when the
        // build's worker sends it back).
        add(await inPage(i, async (sample) => {
          const out = {};
          const { createLedeWorker } = await import('./worker-client.js');
          let t = performance.now();
          const t0 = performance.timeOrigin + t;
          const c = createLedeWorker();
          await c.version();
          out['client ready (createLedeWorker -> first reply)'] = performance.now() - t;
          await new Promise((r) => setTimeout(r, 1000));
          if (c.startup) {
            const s = await c.startup();
            out['client worker: worker.js runs'] = s.script - t0;
            out['client worker: lede.wasm compiled / received'] = s.compiled - t0;
            out['client worker: instantiated, ready'] = s.ready - t0;
          }
          t = performance.now();
          await c.analyze(sample);
          out['client: first analysis after 1 s idle'] = performance.now() - t;
          // A restarted worker (web/app/engine.js restarts to abandon work).
          c.terminate();
          t = performance.now();
          const c2 = createLedeWorker(undefined, { wasmModule: c.wasmModule });
          await c2.version();
          out['client: restarted worker ready'] = performance.now() - t;
          t = performance.now();
          await c2.analyze(sample);
          out['client: restarted worker, first analysis sent at once'] = performance.now() - t;
          c2.terminate();
          return out;
        }, SAMPLE));
        // The worker's own timeline, then the pieces on the page's thread.
        add(await inPage(i, async (sample) => {
          const out = {};
          const ask = (w, msg) => new Promise((resolve, reject) => {
            w.onmessage = ({ data }) => {
              if (data?.id !== 1) return;  // e.g. {type: 'module'}
              if ('error' in data) reject(new Error(data.error));
              else resolve(data);
            };
            w.postMessage({ id: 1, ...msg });
          });
          const t0 = performance.timeOrigin + performance.now();
          const idle = new Worker('worker.js', { type: 'module' });
          await ask(idle, { type: 'version' });
          await new Promise((r) => setTimeout(r, 1000));
          // The worker's own timeline (wasm/worker.js), from new Worker.
          const { result: s } = await ask(idle, { type: 'startup' });
          out['idle worker: worker.js runs'] = s.script - t0;
          out['idle worker: lede.wasm compiled (streaming)'] = s.compiled - t0;
          if (s.imported) out['idle worker: lede.js + loader imported (before: 2 imports)'] = s.imported - t0;
          out['idle worker: instantiated, ready'] = s.ready - t0;
          out['idle worker: ready - max(compiled, imported)'] = s.ready - Math.max(s.compiled, s.imported ?? 0);
          out['idle worker: warm-up analysis (set-up on first use)'] = s.warmUpEnd - s.warmUpStart;
          let t = performance.now();
          await ask(idle, { type: 'analyze', text: sample });
          out['first analysis in a worker idle for 1 s'] = performance.now() - t;
          idle.terminate();
          // The pieces, on this thread (V8 may reuse the module compiled above).
          t = performance.now();
          const bytes = await (await fetch('lede.wasm')).arrayBuffer();
          out['fetch lede.wasm'] = performance.now() - t;
          t = performance.now();
          await WebAssembly.compile(bytes);
          out['compile its bytes'] = performance.now() - t;
          t = performance.now();
          await WebAssembly.compileStreaming(fetch('lede.wasm'));
          out['compileStreaming (fetch + compile)'] = performance.now() - t;
          t = performance.now();
          const { createLede } = await import('./lede.js?' + Math.random());
          out['import lede.js + lede-module.js'] = performance.now() - t;
          t = performance.now();
          const lede = await createLede();
          out['createLede (fetch, compile, instantiate, start-up)'] = performance.now() - t;
          t = performance.now();
          lede.analyzeJson(sample);
          out['first analysis (set-up on first use)'] = performance.now() - t;
          return out;
        }, SAMPLE));
      }
    }
    report();
  } finally {
    await browser.close();
    await srv.close();
  }
} else {
  report();
}

function report() {
  const keys = [...new Set(gens.flatMap((g) => Object.keys(g.rows)))];
  for (const k of keys) {
    const cells = gens.map((g) => (g.rows[k] ? fmt(g.rows[k]) : '-'));
    console.log(`  ${k.padEnd(56)} ${cells.join(' | ')}`);
  }
}
