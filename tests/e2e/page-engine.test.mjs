// The page with the REAL analysis engine (the wasm module built into
// web/app/gen/), in Debian's Chromium, served from 127.0.0.1 by
// scripts/serve.mjs (the server scripts/run.sh runs) with its strict CSP.
// Pastes the project's sample article and each article of
// ../shared/articles (skipped when absent) and checks what a reader would:
// the People panel names the people with their roles, quotes carry the right
// speaker badges (anonymous sources marked), no console errors, and no
// request leaves 127.0.0.1. Screenshots go to artifacts/.
//
// Expected facts are written against what a correct analysis shows. Where
// the core does not produce one yet, that check is skipped with the reason
// naming the missing piece, decided from the analysis itself (so the check
// starts running the day the core finds it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP, articleText, badgeBefore, canRun, hasEngine, launch, openPage, panelEntries, pasteAndAnalyze, screenshotPath,
  serveProduction, sharedArticles, waitRendered,
} from './helpers.mjs';

const skip = !canRun() ? 'no /usr/bin/chromium (scripts/setup.sh installs it)'
    : !hasEngine() ? 'wasm module not built: web/app/gen/worker.js + lede.wasm missing (the wasm-release build copies them)' : false;

let srv;
let browser;
let origin;
before(async () => {
  if (skip) return;
  srv = await serveProduction();  // the server scripts/run.sh runs, with its CSP header
  origin = srv.url.slice(0, -1);
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.close();
});

function clean(log) {
  assert.deepEqual(log.errors, [], 'console errors');
  assert.deepEqual(log.foreign, [], 'requests to other origins');
  assert.deepEqual(log.dialogs, [], 'dialogs');
}

/**
 * What a reader should see in each article:
 *   people: [name, role substring] in the People panel;
 *   badges: [start of the quoted words, speaker label, anonymous?] (+ optional missing-piece reason when the
 *           core lacks it: the check is skipped only while the analysis has no quote starting that way).
 */
const EXPECT = {
  'sample.txt': {
    people: [['Maria Okafor', 'emergency management director'], ['Tom Brennan', 'Council leader'], ['Priya Natarajan', '']],
    badges: [
      ['We cannot ask families', 'Maria Okafor', false],
      ['This barrier buys us time', 'Maria Okafor', false],
      ['They are building a wall', 'Priya Natarajan', false],
      ['Nobody here is pretending', 'Tom Brennan', false],
      ['the barrier would cope', 'One of the engineers', true],
    ],
  },
  '000_724cd630e37b2297.txt': {
    people: [['Dmitry Peskov', 'Kremlin spokesman'], ['Lloyd Austin', 'US Defense Secretary']],
    badges: [
      ['Ukraine has turned the tide', 'Institute for the Study of War', false],
      ['They will discuss how our defense', 'Lloyd Austin', false],
    ],
  },
  '002_4bda11de0e7c9aba.txt': {
    people: [['Dmytro Kuleba', 'Ukrainian Foreign Minister'], ['Jim Stavridis', 'retired US admiral'],
      ['Gabrielius Landsbergis', 'Lithuanian Foreign Minister'], ['Valery Zaluzhny', 'top commander']],
    badges: [
      ['Explore further ways for the EU', 'Dmytro Kuleba', false],
      ['The West should be very clear', 'Jim Stavridis', false],
      ['a matter of time', 'one of the officials', true],
    ],
  },
};

const cases = [{ name: 'sample.txt', text: readFileSync(join(APP, 'sample.txt'), 'utf8') }, ...sharedArticles()];
if (sharedArticles().length === 0) {
  test('shared articles', { skip: 'no ../shared/articles (LEDE_SHARED_DIR) on this machine' }, () => {});
}

for (const { name, text } of cases) {
  test(`real engine: ${name}`, { skip, timeout: 120000 }, async (t) => {
    const { page, log, context } = await openPage(browser, origin);
    await page.goto(srv.url);
    await waitRendered(page);
    await pasteAndAnalyze(page, text);
    const norm = text.replace(/\r\n?/g, '\n');
    const analysis = await page.evaluate(() => window.lede.state.analysis);
    assert.equal(analysis.schema, 1);
    assert.equal(analysis.offsets, 'utf16');
    // The article is shown whole, exactly as pasted (offsets line up).
    assert.equal(await articleText(page), norm.replace(/\n+$/, ''));
    // Every annotation sits on the text the analysis says it covers.
    for (const e of analysis.entities) for (const m of e.mentions) assert.equal(norm.slice(m.start, m.end), m.text);
    for (const q of analysis.quotes) assert.equal(norm.slice(q.start, q.end), q.text);

    const want = EXPECT[name];
    if (want) {
      const people = await panelEntries(page, 'people');
      for (const [who, role] of want.people) {
        const p = people.find((x) => x.name === who);
        assert.ok(p, `People panel lists ${who} (has: ${people.map((x) => x.name).join(', ')})`);
        if (role) assert.ok(p.roles.includes(role), `${who}'s role shows "${role}" (shows "${p.roles}")`);
      }
      for (const [start, label, anonymous, missing] of want.badges) {
        const found = analysis.quotes.some((q) => norm.slice(q.start, q.end).startsWith(start));
        if (!found && missing) {
          t.diagnostic(`skipped badge check "${start}": ${missing}`);
          continue;
        }
        const b = await badgeBefore(page, start);
        assert.ok(b, `a speaker badge precedes “${start}…”`);
        assert.ok(b.label.includes(label), `“${start}…” is attributed to ${label} (badge says ${b.label})`);
        assert.equal(b.anonymous, anonymous, `“${start}…” badge ${anonymous ? 'marks' : 'does not mark'} an anonymous source`);
      }
    }
    // Choosing the most quoted person highlights their mentions.
    const top = await page.$('#tab-people');
    await top.click();
    const first = await page.$('#panel .lede-item[data-kind=entity]');
    if (first) {
      await first.click();
      assert.ok(await page.$$eval('#article .lede-selected', (e) => e.length) > 0, 'mentions highlighted');
    }
    await page.screenshot({ path: screenshotPath(`engine-${name.replace(/\.txt$/, '')}.png`), fullPage: true });
    clean(log);
    await context.close();
  });
}

test('real engine: hostile article shows as text, runs nothing', { skip }, async () => {
  const { page, log, context } = await openPage(browser, origin);
  await page.goto(srv.url);
  await waitRendered(page);
  const hostile = 'Mayor Jane Doe said "<script>window.__pwned = 1</script>" on Monday.\n\n' +
      'The report <img src=x onerror="window.__pwned = 2"> was cited by Chief Bob Stone, who said "<a href=\'javascript:window.__pwned=3\'>click</a>".';
  await pasteAndAnalyze(page, hostile);
  assert.equal(await articleText(page), hostile);
  assert.equal(await page.$$eval('#article script, #article img, #article a', (e) => e.length), 0);
  await page.hover('#article .lede-seg').catch(() => {});
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  clean(log);
  await context.close();
});

test('real engine: compare view works or says it is not available', { skip }, async () => {
  const { page, log, context } = await openPage(browser, origin);
  await page.goto(srv.url);
  await waitRendered(page);
  await page.click('#view-compare');
  await page.fill('#cmp-b', 'Council leader Tom Brennan said the barrier would be finished by winter. Maria Okafor agreed.');
  await page.click('#cmp-run');
  await page.waitForFunction(() => /Compared|not available|failed/.test(document.getElementById('cmp-status').textContent), null, { timeout: 60000 });
  const status = await page.textContent('#cmp-status');
  assert.doesNotMatch(status, /failed/);
  const shared = await page.$$eval('#cmp-result .cmp-shared', (e) => e.map((x) => x.firstChild.textContent));
  assert.ok(shared.some((s) => s.startsWith('Tom Brennan')), `Tom Brennan in both (shared: ${shared})`);
  await page.screenshot({ path: screenshotPath('engine-compare.png'), fullPage: true });
  clean(log);
  await context.close();
});

test('real engine: the page worker runs out of memory as an Error and answers the next message', { skip, timeout: 120000 }, async () => {
  const { page, log, context } = await openPage(browser, origin);
  await page.goto(srv.url);
  await waitRendered(page);
  // The page's own worker (gen/worker.js), its memory capped at 32 MiB.
  const r = await page.evaluate(async (text) => {
    const w = new Worker('gen/worker.js?maxMemory=' + (32 << 20), { type: 'module' });
    let id = 0;
    const ask = (msg) => new Promise((resolve) => {
      const mine = ++id;
      const on = ({ data }) => {
        if (data.id !== mine) return;
        w.removeEventListener('message', on);
        resolve('json' in data ? { result: JSON.parse(data.json) } : data);
      };
      w.addEventListener('message', on);
      w.postMessage({ id: mine, ...msg });
    });
    const first = await ask({ type: 'analyze', text });
    // ~6 MB: its analysis needs about 50 MiB (3 MB fits in 32 MiB since the
    // JSON is streamed out and the memory grows 5% at a time).
    const big = (text + '\n\n').repeat(Math.ceil(6e6 / text.length));
    const failed = await ask({ type: 'analyze', text: big });
    const again = await ask({ type: 'analyze', text });
    w.terminate();
    return { error: failed.error ?? null, same: JSON.stringify(again.result) === JSON.stringify(first.result),
      words: again.result?.stats?.words ?? 0 };
  }, readFileSync(join(APP, 'sample.txt'), 'utf8'));
  assert.match(String(r.error), /out of memory.*32 MiB/);
  assert.ok(r.same, 'the analysis after the failure equals the one before');
  assert.ok(r.words > 100);
  clean(log);
  await context.close();
});

test('real engine: a restarted worker gets the compiled module from the first and answers the same, fetching no lede.wasm', { skip, timeout: 120000 }, async () => {
  const { page, log, context } = await openPage(browser, origin);
  await page.goto(srv.url);
  await waitRendered(page);
  const wasmFetches = () => log.requests.filter((u) => new URL(u).pathname.endsWith('/lede.wasm')).length;
  const before = wasmFetches();
  const r = await page.evaluate(async (text) => {
    const start = (url) => {
      const w = new Worker(url, { type: 'module' });
      let id = 0;
      let module;
      const got = new Promise((resolve) => (module = resolve));
      w.addEventListener('message', ({ data }) => data?.type === 'module' && module(data.module));
      const ask = (msg) => new Promise((resolve) => {
        const mine = ++id;
        const on = ({ data }) => {
          if (data?.id !== mine) return;
          w.removeEventListener('message', on);
          resolve(data);
        };
        w.addEventListener('message', on);
        w.postMessage({ id: mine, ...msg });
      });
      return { w, ask, got };
    };
    const a = start('gen/worker.js');
    const first = (await a.ask({ type: 'analyze', text })).json;
    const module = await a.got;
    a.w.terminate();
    // Started as web/app/engine.js restarts it: ?wasm=post, the module as a message.
    const b = start('gen/worker.js?wasm=post');
    b.w.postMessage({ type: 'module', module });
    const again = (await b.ask({ type: 'analyze', text })).json;
    b.w.terminate();
    // A page that could not pass a module posts null: the worker fetches lede.wasm itself.
    const c = start('gen/worker.js?wasm=post');
    c.w.postMessage({ type: 'module', module: null });
    const third = (await c.ask({ type: 'analyze', text })).json;
    const sentBack = await c.got;
    c.w.terminate();
    return { isModule: module instanceof WebAssembly.Module, same: again === first, third: third === first,
      sentBack: sentBack instanceof WebAssembly.Module };
  }, readFileSync(join(APP, 'sample.txt'), 'utf8'));
  assert.ok(r.isModule, 'the worker sends its compiled WebAssembly.Module back');
  assert.ok(r.same, 'the restarted worker gives the same analysis');
  assert.ok(r.third, 'with no module posted, the worker fetches lede.wasm and gives the same analysis');
  assert.ok(r.sentBack, 'and sends that module back');
  assert.equal(wasmFetches() - before, 2, 'lede.wasm fetched by the first and the third worker only');
  // The page's own engine after a restart (as when a long analysis is abandoned).
  const restarted = await page.evaluate(async () => {
    const { Engine } = await import('./engine.js');
    const e = new Engine();
    const a = await e.analyze('Ann Lee said "the 3 towns cost $5 million."');
    await new Promise((r) => setTimeout(r, 200));  // the module is sent back after ready
    const had = e.wasm instanceof WebAssembly.Module;
    e.restart();
    const b = await e.analyze('Ann Lee said "the 3 towns cost $5 million."');
    e.worker.terminate();
    return { had, same: JSON.stringify(a) === JSON.stringify(b), people: a.entities.length };
  });
  assert.ok(restarted.had, 'the engine keeps the module its worker sent');
  assert.ok(restarted.same && restarted.people > 0, 'the restarted engine answers the same');
  assert.equal(wasmFetches() - before, 3, 'the engine restart fetched no lede.wasm');
  clean(log);
  await context.close();
});
