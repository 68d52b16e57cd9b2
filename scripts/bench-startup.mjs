#!/usr/bin/env node
// Benchmark (not a test): how long the wasm module takes to be ready, and
// where that time goes, in node and in headless Chromium (web/app/gen/, built
// by the wasm-release preset). Issue #8's target: module ready in < 100 ms.
//
//   node scripts/bench-startup.mjs [--runs N] [--no-browser]
//
// node (a fresh process per run): importing lede.js, createLede (compile +
// instantiate + the module's start-up), the first analysis (the model and
// lexicons set up on first use) and a second one.
// Chromium, through the test server (no-store, so nothing is cached between
// runs; a fresh context per run): the worker's start (new Worker -> first
// reply), the first analysis sent at once, and one sent after the worker has
// been idle for a second; then the pieces, timed on the page's main thread:
// fetching lede.wasm, compiling its bytes, compileStreaming, importing
// lede.js, createLede, the first analysis; and the worker's own timeline
// (when worker.js ran, lede.wasm was compiled, lede.js imported, the module
// ready, and how long its warm-up analysis took), from new Worker.
// Figures are medians over the runs (wall time).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { APP, hasEngine, launch, serve } from '../tests/e2e/helpers.mjs';

const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
const SAMPLE = 'Joe Biden said "we will win." The Pentagon confirmed 20 towns.';

if (!hasEngine()) throw new Error('web/app/gen is not built: cmake --preset wasm-release && cmake --build --preset wasm-release');
const gen = join(APP, 'gen');
const wasmBytes = readFileSync(join(gen, 'lede.wasm'));
console.log(`lede.wasm ${wasmBytes.length} bytes; ${runs} run(s) each, medians`);

// --- node ----------------------------------------------------------------
// A fresh process per run: V8 keeps a compiled module for the bytes it has
// seen, so a second compile in the same process is not a cold start.
{
  const child = `
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
  const rows = { imp: [], ready: [], first: [], second: [] };
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop());
    for (const k of Object.keys(rows)) rows[k].push(r[k]);
  }
  console.log(`node ${process.version} (a fresh process per run)`);
  console.log(`  import lede.js, read lede.wasm               ${fmt(rows.imp)}`);
  console.log(`  module ready (createLede: compile, instantiate) ${fmt(rows.ready)}`);
  console.log(`  first analysis (set-up on first use)         ${fmt(rows.first)}`);
  console.log(`  second analysis                              ${fmt(rows.second)}`);
}

// --- Chromium ----------------------------------------------------------------
if (!argv.includes('--no-browser')) {
  const blank = join(mkdtempSync(join(tmpdir(), 'lede-startup-')), 'blank.html');
  writeFileSync(blank, '<!doctype html><title>startup</title>');
  const srv = await serve({ '/gen/blank.html': blank });  // an empty page beside the module
  const browser = await launch();
  try {
    console.log(`chromium ${browser.version()}`);
    const rows = {};
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(srv.url + 'gen/blank.html');
      const r = await page.evaluate(async (sample) => {
        const out = {};
        const ask = (w, msg) => new Promise((resolve, reject) => {
          w.onmessage = ({ data }) => ('error' in data ? reject(new Error(data.error)) : resolve(data));
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
        const t0 = performance.timeOrigin + performance.now();
        const idle = new Worker('worker.js', { type: 'module' });
        await ask(idle, { type: 'version' });
        await new Promise((r) => setTimeout(r, 1000));
        // The worker's own timeline (wasm/worker.js), from new Worker.
        const { result: s } = await ask(idle, { type: 'startup' });
        out['idle worker: worker.js runs'] = s.script - t0;
        out['idle worker: lede.wasm compiled (streaming)'] = s.compiled - t0;
        out['idle worker: lede.js + loader imported'] = s.imported - t0;
        out['idle worker: instantiated, ready'] = s.ready - t0;
        out['idle worker: ready - max(compiled, imported)'] = s.ready - Math.max(s.compiled, s.imported);
        out['idle worker: warm-up analysis (set-up on first use)'] = s.warmUpEnd - s.warmUpStart;
        t = performance.now();
        await ask(idle, { type: 'analyze', text: sample });
        out['first analysis in a worker idle for 1 s'] = performance.now() - t;
        idle.terminate();
        // The pieces, on this thread.
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
      }, SAMPLE);
      for (const [k, v] of Object.entries(r)) (rows[k] ??= []).push(v);
      await context.close();
    }
    for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(52)} ${fmt(v)}`);
  } finally {
    await browser.close();
    await srv.close();
  }
}
