#!/usr/bin/env node
// Benchmark (not a test) of the web page in headless Chromium, served from
// 127.0.0.1:
//   1. page load -> first annotated view, for a ~10 KB article (served as the
//      page's preloaded sample, so the page analyses it on load);
//   2. a 1 MB paste -> annotated view (paste event to last annotation shown).
// Uses the real engine in web/app/gen/ when built (scripts/run.sh or the
// wasm build), else the UI-test stub worker (then the figures measure only
// the page, and say so).
//   node scripts/bench-page.mjs [--runs N]
// With --corpus: the `lede bench` corpus (scripts/bench-corpus.mjs) through
// the page's own worker (gen/worker.js: analyze -> object -> postMessage) in
// headless Chromium, next to the native CLI on the same corpus in the same
// run. Wall time on both sides (a browser has no CPU clock); also the
// worker's start (new Worker -> first reply: fetch, compile, instantiate).
//   node scripts/bench-page.mjs --corpus [--max-mb M] [--min-seconds S] [--rounds N] [--native PATH]
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { APP, STUB, hasEngine, launch, openPage, serve, sharedArticles, waitRendered } from '../tests/e2e/helpers.mjs';
import { loadCorpus, median as medianOf, nativeCli, runNative } from './bench-corpus.mjs';

if (process.argv.includes('--corpus')) {
  await corpusBench();
  process.exit(0);
}

async function corpusBench() {
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
  const maxMb = opt('--max-mb', 0.5);
  const minSeconds = opt('--min-seconds', 3);
  const rounds = opt('--rounds', 1);
  if (!hasEngine()) throw new Error('web/app/gen is not built: cmake --preset wasm-release && cmake --build --preset wasm-release');
  const { texts, bytes, source } = loadCorpus(maxMb);
  const native = nativeCli(argv);
  console.log(`bench-page --corpus: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB from ${source}`);
  const srv = await serve();
  const browser = await launch();
  console.log(`chromium ${browser.version()}`);
  const ratios = [];
  try {
    for (let round = 0; round < rounds; round++) {
      let nat = null;
      if (native) {
        nat = runNative(native, maxMb, minSeconds);
        const wallMbs = (nat.bytes * nat.passes) / 1e6 / nat.wall_seconds;
        nat.wallMbs = wallMbs;
        console.log(`native lede bench: ${wallMbs.toFixed(3)} MB/s wall (${nat.mb_per_s.toFixed(3)} MB/s CPU), ${nat.passes} pass(es)`);
      }
      const { context, page } = await openPage(browser, srv.url.slice(0, -1));
      await page.goto(srv.url);
      await waitRendered(page, 120000);  // the page's own start-up analysis is over
      const r = await page.evaluate(async ({ texts, minSeconds }) => {
        const t0 = performance.now();
        const w = new Worker('gen/worker.js', { type: 'module' });
        let id = 0;
        const ask = (msg) => new Promise((resolve, reject) => {
          const mine = ++id;
          const on = ({ data }) => {
            if (data.id !== mine) return;
            w.removeEventListener('message', on);
            if ('error' in data) reject(new Error(data.error));
            else resolve('json' in data ? JSON.parse(data.json) : data.result);
          };
          w.addEventListener('message', on);
          w.postMessage({ id: mine, ...msg });
        });
        await ask({ type: 'version' });
        const readyMs = performance.now() - t0;
        const t1 = performance.now();
        await ask({ type: 'analyze', text: 'Joe Biden said "we will win."' });
        const firstMs = performance.now() - t1;
        for (const text of texts) await ask({ type: 'analyze', text });  // warm-up pass
        const lat = [];
        let total = 0;
        let passes = 0;
        do {
          for (const text of texts) {
            const s = performance.now();
            await ask({ type: 'analyze', text });
            const ms = performance.now() - s;
            lat.push(ms);
            total += ms;
          }
          passes++;
        } while (total < minSeconds * 1000);
        w.terminate();
        lat.sort((a, b) => a - b);
        return { readyMs, firstMs, total, passes, p50: lat[Math.floor(lat.length / 2)], p99: lat[Math.floor(lat.length * 0.99)] };
      }, { texts, minSeconds });
      await context.close();
      const mbs = (bytes * r.passes) / 1e6 / (r.total / 1000);
      console.log(`chromium page worker: ${mbs.toFixed(3)} MB/s wall, ${((texts.length * r.passes) / (r.total / 1000)).toFixed(0)} articles/s, ` +
                  `p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms (${r.passes} pass(es)); ` +
                  `worker ready ${r.readyMs.toFixed(0)} ms (new Worker -> first reply), first analyze ${r.firstMs.toFixed(0)} ms`);
      if (nat) {
        ratios.push(mbs / nat.wallMbs);
        console.log(`  chromium wasm / native (wall): ${(100 * ratios.at(-1)).toFixed(0)}% (target >= 50%)`);
      }
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  if (ratios.length > 1) {
    console.log(`chromium wasm / native over ${ratios.length} rounds: median ${(100 * medianOf(ratios)).toFixed(0)}% ` +
                `(${ratios.map((x) => (100 * x).toFixed(0) + '%').join(', ')})`);
  }
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const real = hasEngine();
const sample = readFileSync(join(APP, 'sample.txt'), 'utf8');
const articles = sharedArticles();

// ~10 KB of real article text: a shared article when present, topped up with the sample.
let ten = (articles.find((a) => a.text.length > 8000) || { text: '' }).text;
while (Buffer.byteLength(ten) < 10000) ten += (ten ? '\n\n' : '') + sample;
ten = ten.slice(0, 10240);
let mb = '';
const base = articles.map((a) => a.text).concat(sample).join('\n\n');
while (mb.length < 1e6) mb += (mb ? '\n\n' : '') + base;
mb = mb.slice(0, 1e6);

const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
writeFileSync(join(dir, 'ten.txt'), ten);
const overrides = { ...(real ? {} : STUB), '/sample.txt': join(dir, 'ten.txt') };
const srv = await serve(overrides);
const browser = await launch();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = [];
const paste = [];
const analysis = [];
const gaps = [];
let counts = '';
try {
  for (let i = 0; i < runs; i++) {
    const { context, page, log } = await openPage(browser, srv.url.slice(0, -1));
    await page.goto(srv.url);
    await waitRendered(page, 120000);
    const st = await page.evaluate(() => { const s = window.lede.state; return { seq: s.seq, renderedAt: s.renderedAt }; });
    load.push(st.renderedAt);  // ms since navigation start
    counts = await page.textContent('#status');
    // 1 MB paste, watching the longest gap between frames (page stalls).
    await page.evaluate(() => {
      window.__maxGap = 0;
      window.__gapAt = 0;
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        if (now - last > window.__maxGap) {
          window.__maxGap = now - last;
          window.__gapAt = now;
        }
        last = now;
        window.__raf = requestAnimationFrame(tick);
      };
      tick();
    });
    const before = st.seq;
    const t0 = await page.evaluate((t) => {
      const ta = document.getElementById('text');
      ta.focus();
      ta.select();
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      const start = performance.now();
      if (ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))) {
        ta.setRangeText(t, 0, ta.value.length, 'end');
        document.getElementById('analyze').click();
      }
      return start;
    }, mb);
    await page.waitForFunction((s) => window.lede.state.seq > s, before);
    await waitRendered(page, 300000);
    const st2 = await page.evaluate(() => { const s = window.lede.state; return { renderedAt: s.renderedAt, analysisMs: s.analysisMs }; });
    paste.push(st2.renderedAt - t0);
    analysis.push(st2.analysisMs);
    await page.waitForTimeout(1500);  // stalls right after the view appears count too
    const [gap, at] = await page.evaluate(() => [window.__maxGap, window.__gapAt]);
    gaps.push(gap);
    if (process.env.BENCH_DEBUG) console.log(`stall ${Math.round(gap)} ms ending ${Math.round(at - t0)} ms after paste; rendered at ${Math.round(st2.renderedAt - t0)}`);
    if (log.errors.length || log.foreign.length) console.error('problems:', log.errors, log.foreign);
    await context.close();
  }
} finally {
  await browser.close();
  await srv.close();
}
const f = (xs) => `median ${Math.round(median(xs))} ms (runs: ${xs.map(Math.round).join(', ')})`;
console.log(`engine: ${real ? 'real (web/app/gen)' : 'STUB worker (wasm not built): page cost only'}`);
console.log(`10 KB article (${Buffer.byteLength(ten)} bytes), page load -> first annotated view: ${f(load)}`);
console.log(`  ${counts}`);
console.log(`1 MB paste (${Buffer.byteLength(mb)} bytes) -> annotated view: ${f(paste)}`);
console.log(`  of which analysis in the worker (incl. messaging): ${f(analysis)}`);
console.log(`  longest main-thread stall (gap between frames) from paste to 1.5 s after: ${f(gaps)}`);
