// The page's UI in a real browser (Debian's Chromium, headless), with the
// analysis worker replaced by tests/e2e/stub-worker.js: it answers the sample
// article with a hand-annotated analysis (fixtures/sample.analysis.json) and
// anything else with a crude schema-1 analysis. These tests check what the
// page does with an analysis - independent of how good the core is; the
// real engine is exercised by page-engine.test.mjs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  STUB, articleText, badgeBefore, canRun, launch, openPage, panelEntries, pasteAndAnalyze, screenshotPath, serve, waitRendered,
} from './helpers.mjs';

const skip = canRun() ? false : 'no /usr/bin/chromium (scripts/setup.sh installs it)';
let srv;
let browser;
let origin;

before(async () => {
  if (skip) return;
  srv = await serve(STUB);
  origin = srv.url.slice(0, -1);
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.close();
});

async function fresh(viewport) {
  const p = await openPage(browser, origin, viewport);
  await p.page.goto(srv.url);
  await waitRendered(p.page);
  return p;
}

function clean(log) {
  assert.deepEqual(log.errors, [], 'console errors');
  assert.deepEqual(log.foreign, [], 'requests to other origins');
  assert.deepEqual(log.dialogs, [], 'dialogs');
}

test('sample article: people with roles, speaker badges, claims and flagged checks', { skip }, async () => {
  const { page, log, context } = await fresh();
  const people = await panelEntries(page, 'people');
  assert.deepEqual(people.map((p) => p.name), ['Tom Brennan', 'Maria Okafor', 'Priya Natarajan']);
  assert.equal(people[0].roles, 'Council leader');
  assert.equal(people[1].roles, "county's emergency management director");
  assert.match(people[0].meta, /quoted 2 times/);

  assert.deepEqual(await badgeBefore(page, 'We cannot ask families'), { label: 'Maria Okafor', anonymous: false });
  assert.deepEqual(await badgeBefore(page, 'They are building a wall'), { label: 'Priya Natarajan', anonymous: false });
  assert.deepEqual(await badgeBefore(page, 'Nobody here is pretending'), { label: 'Tom Brennan', anonymous: false });
  const anon = await badgeBefore(page, 'the barrier would cope');
  assert.equal(anon.anonymous, true, 'anonymous source badge is marked');
  assert.match(anon.label, /one of the engineers/);
  // Anonymous quotes look different from named ones.
  const [named, unnamed] = await page.evaluate(() => ['lede-quote', 'lede-quote-anon'].map((c) =>
    getComputedStyle(document.querySelector(`#article .${c}${c === 'lede-quote' ? ':not(.lede-quote-anon)' : ''}`)).color));
  assert.notEqual(named, unnamed);

  // The strongest claim is underlined heavily; the disagreeing figures are flagged.
  const hi = await page.$$eval('#article .lede-claim-hi', (els) => els.map((e) => e.textContent).join(''));
  assert.match(hi, /500 square kilometres/);
  const flags = await page.$$eval('#article .lede-flag', (els) => els.map((e) => e.nextSibling.textContent));
  assert.deepEqual(flags, ['2,300', '2,400']);
  // The article text is shown in full and unchanged.
  const shown = await articleText(page);
  const sample = readFileSync(join(process.cwd(), 'web/app/sample.txt'), 'utf8').trim();
  assert.equal(shown, sample);
  await page.screenshot({ path: screenshotPath('page-sample-desktop.png'), fullPage: true });
  clean(log);
  await context.close();
});

test('choosing a person highlights and steps through their mentions; details show the role', { skip }, async () => {
  const { page, log, context } = await fresh();
  await page.click('#tab-people');
  await page.click('#panel .lede-item[data-id=E2]');
  const sel = await page.$$eval('#article .lede-selected', (els) => els.map((e) => e.textContent));
  assert.deepEqual(sel, ['Tom Brennan', 'Brennan']);
  assert.match(await page.textContent('#details'), /Role: Council leader/);
  assert.equal(await page.textContent('#mention-pos'), '1 of 2');
  await page.click('#next-mention');
  assert.equal(await page.textContent('#mention-pos'), '2 of 2');
  assert.equal(await page.$eval('#article .lede-current', (e) => e.textContent), 'Brennan');
  // A claim from the Claims panel: its sentence is selected, and scrolled into view.
  await page.click('#tab-claims');
  const first = await page.$eval('#panel .lede-item', (b) => b.dataset.id);
  assert.equal(first, 'C1', 'claims ranked by score');
  await page.click('#panel .lede-item[data-id=C3]');
  await page.waitForTimeout(600);
  const inView = await page.$eval('#article .lede-current', (e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView, 'selected claim scrolled into view');
  assert.match(await page.textContent('#details'), /Why: superlative; number/);
  await page.keyboard.press('Escape');
  assert.equal(await page.$$eval('#article .lede-selected', (e) => e.length), 0);
  clean(log);
  await context.close();
});

test('hover and keyboard focus show details: cue stance, check arithmetic', { skip }, async () => {
  const { page, log, context } = await fresh();
  await page.hover('#article .lede-cue >> text=told');
  const tip = await page.textContent('#tooltip');
  assert.match(tip, /stance: say/);
  assert.match(tip, /Tom Brennan/);
  // Keyboard: tab into the article's first speaker badge.
  await page.focus('#article .lede-badge-btn[data-kind=quote]');
  assert.equal(await page.isVisible('#tooltip'), true);
  assert.match(await page.textContent('#tooltip'), /speaker: Maria Okafor/);
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#details'), /Cue: “said” \(stance: say\)/);
  await page.hover('#article .lede-flag');
  assert.match(await page.textContent('#tooltip'), /2,300 in paragraph 2, 2,400 in paragraph 9/);
  await page.screenshot({ path: screenshotPath('page-tooltip.png') });
  clean(log);
  await context.close();
});

test('keyboard only: tabs with arrow keys, items with Enter', { skip }, async () => {
  const { page, log, context } = await fresh();
  await page.focus('#tab-people');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-quotes');
  assert.equal(await page.getAttribute('#tab-quotes', 'aria-selected'), 'true');
  const groups = await page.$$eval('#panel > li.lede-speaker .lede-badge', (b) => b.map((x) => x.lastChild.textContent));
  assert.deepEqual(groups.slice(0, 2).sort(), ['Maria Okafor', 'Tom Brennan']);
  assert.ok(groups.includes('one of the engineers who reviewed the design'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('#details'), true);
  // Every button has an accessible name.
  const unnamed = await page.$$eval('button', (bs) => bs.filter((b) => !(b.getAttribute('aria-label') || b.textContent.trim())).length);
  assert.equal(unnamed, 0);
  clean(log);
  await context.close();
});

const HOSTILE = [
  'Hostile Article Headline',
  '',
  'Mayor Jane Doe said "<script>window.__pwned = 1; alert(1)</script>" at the meeting.',
  '',
  'The report <img src=x onerror="window.__pwned = 2; alert(2)"> cited 40 incidents, Chief Bob Stone said.',
  '',
  '<a href="javascript:window.__pwned=3">Click Here</a> and <iframe src="javascript:alert(4)"></iframe> and <style>body{display:none}</style>',
  '',
  '&lt;b&gt;entities&lt;/b&gt; stay as typed: <b onmouseover="alert(5)">Bold Claim</b> cost 12 dollars.',
].join('\n');

test('a hostile article shows as text and runs nothing', { skip }, async () => {
  const { page, log, context } = await fresh();
  await pasteAndAnalyze(page, HOSTILE);
  const text = await articleText(page);
  assert.equal(text, HOSTILE);
  for (const s of ['<script>window.__pwned = 1; alert(1)</script>', '<img src=x onerror="window.__pwned = 2; alert(2)">',
    '<a href="javascript:window.__pwned=3">', '&lt;b&gt;', '<style>body{display:none}</style>']) {
    assert.ok(text.includes(s), `shown literally: ${s}`);
  }
  const injected = await page.$$eval('#article script, #article img, #article a, #article iframe, #article style, #article b', (e) => e.length);
  assert.equal(injected, 0, 'no elements from the article text');
  // The stub annotates "Jane Doe", quotes and claims: hovering and choosing them runs nothing either.
  await page.hover('#article .lede-quote');
  await page.click('#tab-quotes');
  await page.click('#panel .lede-item');
  await page.hover('#article .lede-ent');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.isVisible('body'), true);
  await page.screenshot({ path: screenshotPath('page-hostile.png'), fullPage: true });
  clean(log);

  // The same as an HTML file: parsed inertly, reduced to its article text.
  const html = `<!doctype html><html><head><title>T</title><script>window.__pwned=6</script></head><body>
    <nav>Home | World | Sport</nav><header><h1>Hostile page</h1></header>
    <article><p>First paragraph by Anna Berg.</p><img src=x onerror="window.__pwned=7"><p>Second <a href="javascript:alert(8)">link</a> paragraph &lt;script&gt;.</p></article>
    <aside>Advertisement</aside><footer>Comments (3)</footer></body></html>`;
  const file = screenshotPath('hostile.html');
  writeFileSync(file, html);
  const seq = await page.evaluate(() => window.lede.state.seq);
  await page.setInputFiles('#file', file);
  await page.waitForFunction((s) => window.lede.state.seq > s, seq);
  await waitRendered(page);
  assert.equal(await page.inputValue('#text'), 'Hostile page\n\nFirst paragraph by Anna Berg.\n\nSecond link paragraph <script>.');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  clean(log);
  await context.close();
});

test('typing re-analyses after a pause; a dropped .txt file replaces the text', { skip }, async () => {
  const { page, log, context } = await fresh();
  const seq = await page.evaluate(() => window.lede.state.seq);
  await page.click('#clear');
  await page.type('#text', 'so Ann Lee spoke.', { delay: 20 });
  // Keystrokes only: no button pressed.
  await page.waitForFunction(() => window.lede.state.rendered && document.querySelector('#article .lede-ent-PERSON'));
  assert.ok(await page.evaluate((s) => window.lede.state.seq > s, seq));
  assert.equal(await page.$eval('#article .lede-ent-PERSON', (e) => e.textContent), 'Ann Lee');
  // Fewer analyses than keystrokes: the input is debounced.
  const runs = await page.evaluate((s) => window.lede.state.seq - s, seq);
  assert.ok(runs <= 3, `${runs} analyses for ${'so Ann Lee spoke.'.length} keystrokes`);

  const before = await page.evaluate(() => window.lede.state.seq);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Dropped Text by Carl Jones.\r\nSecond line.'], 'dropped.txt', { type: 'text/plain' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction((s) => window.lede.state.seq > s, before);
  await waitRendered(page);
  assert.equal(await page.inputValue('#text'), 'Dropped Text by Carl Jones.\nSecond line.');
  assert.match(await page.textContent('#status'), /words analysed/);
  clean(log);
  await context.close();
});

const axePath = join(process.cwd(), 'node_modules/axe-core/axe.min.js');
const axeSkip = skip || (existsSync(axePath) ? false : 'axe-core not installed (npm install: it is a devDependency)');
test('accessibility audit (axe-core): no violations on the annotated sample, the panels and compare', { skip: axeSkip }, async () => {
  const { page, log, context } = await fresh();
  // axe-core runs through the DevTools protocol (page.evaluate), which the page's CSP does not govern.
  const axe = readFileSync(axePath, 'utf8');
  await page.evaluate(axe);
  const audit = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(await audit(), [], 'article view');
  await page.click('#tab-quotes');
  await page.click('#panel .lede-item[data-id=Q5]');
  await page.hover('#article .lede-quote-anon');
  assert.deepEqual(await audit(), [], 'quotes panel, a selection and a tooltip');
  await page.click('#view-compare');
  assert.deepEqual(await audit(), [], 'compare view');
  clean(log);
  await context.close();
});

test('an article with nothing found shows empty panels without errors', { skip }, async () => {
  const { page, log, context } = await fresh();
  await pasteAndAnalyze(page, 'it rained all day and nobody went out.');
  for (const [tab, msg] of [['people', 'No people found.'], ['quotes', 'No quotes found.'], ['claims', 'No check-worthy claims found.'],
    ['checks', 'No consistency checks apply to this text.']]) {
    await page.click('#tab-' + tab);
    assert.equal(await page.textContent('#panel'), msg);
  }
  assert.equal(await articleText(page), 'it rained all day and nobody went out.');
  clean(log);
  await context.close();
});

test('phone width: one column, nothing wider than the screen', { skip }, async () => {
  const { page, log, context } = await fresh({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: screenshotPath('page-sample-phone.png'), fullPage: false });
  await page.click('#tab-quotes');
  await page.click('#panel .lede-item[data-id=Q5]');
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshotPath('page-phone-selected.png'), fullPage: false });
  clean(log);
  await context.close();
});

test('export JSON downloads the analysis with its text; no request after load', { skip }, async () => {
  const { page, log, context } = await fresh();
  const loaded = log.requests.length;
  const seq = await page.evaluate(() => window.lede.state.seq);
  await page.click('#sample');
  await page.click('#analyze');
  await page.waitForFunction((s) => window.lede.state.seq >= s + 2, seq);
  await waitRendered(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.schema, 1);
  assert.equal(json.quotes.length, 6);
  assert.ok(json.text.startsWith('Flood barrier plan'));
  assert.equal(download.suggestedFilename(), 'lede-analysis.json');
  const after = log.requests.slice(loaded).filter((u) => !u.startsWith('blob:'));
  assert.deepEqual(after, [], 'requests after the page loaded');
  clean(log);
  await context.close();
});

test('compare view: says when the core cannot compare, still lists names side by side', { skip }, async () => {
  const { page, log, context } = await fresh();
  await page.click('#view-compare');
  assert.equal(await page.isVisible('#main-article'), false);
  assert.match(await page.inputValue('#cmp-a'), /^Flood barrier plan/);
  await page.fill('#cmp-b', 'Council Leader Tom Brennan met Maria Okafor. Later Sam Reed spoke.');
  await page.click('#cmp-run');
  await page.waitForFunction(() => document.getElementById('cmp-status').textContent.length > 30);
  assert.match(await page.textContent('#cmp-status'), /not available/);
  const shared = await page.$$eval('#cmp-result .cmp-shared', (e) => e.map((x) => x.firstChild.textContent));
  assert.ok(shared.some((s) => s.startsWith('Tom Brennan')));
  await page.screenshot({ path: screenshotPath('page-compare.png'), fullPage: true });
  clean(log);
  await context.close();
});

test('compare view: the core comparison lists shared names, claims side by side and shared quotes', { skip }, async () => {
  const { page, log, context } = await fresh();
  await page.click('#view-compare');
  await page.fill('#cmp-b', readFileSync(join(process.cwd(), 'tests/e2e/fixtures/compare-b.txt'), 'utf8'));
  await page.click('#cmp-run');
  await page.waitForFunction(() => document.getElementById('cmp-status').textContent === 'Compared.');
  const heads = await page.$$eval('#cmp-result h3', (h) => h.map((x) => x.textContent));
  assert.deepEqual(heads, ['Figures that differ (0)', 'Named in both (4)', 'Claims in both (1)', 'Quotes in both (2)', 'Only in one article']);
  const names = await page.$$eval('#cmp-result .cmp-shared', (e) => e.map((x) => x.firstChild.textContent));
  assert.deepEqual(names.sort(), ['Maria Okafor', 'Northbridge', 'River Wend', 'Tom Brennan']);
  const claim = await page.$$eval('#cmp-result .cmp-claim .cmp-text', (e) => e.map((x) => x.textContent));
  assert.match(claim[0], /\$48 million flood barrier/);
  assert.match(claim[1], /\$52 million flood barrier/);
  const quote = await page.$eval('#cmp-result .cmp-quote .lede-meta', (e) => e.textContent);
  assert.match(quote, /Maria Okafor · overlap 100%/);
  await page.screenshot({ path: screenshotPath('page-compare-core.png'), fullPage: true });
  clean(log);
  await context.close();
});

test('a 5 MB paste shows progress, stays responsive, and renders', { skip, timeout: 180000 }, async () => {
  const { page, log, context } = await fresh();
  const para = readFileSync(join(process.cwd(), 'web/app/sample.txt'), 'utf8');
  const big = Array.from({ length: Math.ceil(5e6 / para.length) }, (_, i) => `Part ${i + 1}.\n\n${para}`).join('\n\n');
  // Count long main-thread stalls while it runs.
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      window.__gaps.push(now - last);
      last = now;
      window.__tick = requestAnimationFrame(tick);
    };
    tick();
  });
  const seq = await page.evaluate(() => window.lede.state.seq);
  const done = pasteAndAnalyze(page, big, 170000);
  await page.waitForSelector('#progress:not([hidden])', { timeout: 10000 });
  await done;
  assert.ok(await page.evaluate((s) => window.lede.state.seq > s, seq));
  await waitRendered(page, 170000);
  const gaps = await page.evaluate(() => {
    cancelAnimationFrame(window.__tick);
    return window.__gaps.sort((a, b) => b - a).slice(0, 3);
  });
  assert.equal(await page.isVisible('#progress'), false);
  assert.match(await page.textContent('#status'), /words analysed/);
  assert.equal(await page.getAttribute('#text', 'readonly'), '', 'the huge text is kept out of the editable box');
  const paras = await page.$$eval('#article .lede-para', (p) => p.length);
  assert.ok(paras > 10000, `${paras} paragraphs rendered`);
  // Not a benchmark: only that no single frame froze the page for seconds.
  assert.ok(gaps[0] < 3000, `longest frame gap ${Math.round(gaps[0])} ms`);
  console.log(`# 5 MB paste: longest frame gaps ${gaps.map(Math.round).join(', ')} ms`);
  clean(log);
  await context.close();
});
