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
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { APP, STUB, hasEngine, launch, openPage, serve, sharedArticles, waitRendered } from '../tests/e2e/helpers.mjs';

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
