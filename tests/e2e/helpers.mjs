// Shared set-up for the browser tests: a static server for web/app on
// 127.0.0.1 (with the page's production CSP as a header, and optional path
// overrides so UI tests can swap in a stub analysis worker), and Debian's
// Chromium through playwright-core, recording console errors, page errors
// and every request, so tests can assert that nothing leaves 127.0.0.1.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const APP = join(ROOT, 'web/app');
export const ARTIFACTS = join(ROOT, 'artifacts');
export const SHARED = process.env.LEDE_SHARED_DIR || join(ROOT, '../shared');
export const CHROMIUM = process.env.LEDE_CHROMIUM || '/usr/bin/chromium';
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Whether the real analysis engine has been built into web/app/gen/. */
export const hasEngine = () => existsSync(join(APP, 'gen/worker.js')) && existsSync(join(APP, 'gen/lede.wasm'));

/** The stub worker and its fixture, mapped over the real engine's paths. */
export const STUB = {
  '/gen/worker.js': join(ROOT, 'tests/e2e/stub-worker.js'),
  '/__stub/sample.analysis.json': join(ROOT, 'tests/e2e/fixtures/sample.analysis.json'),
  '/__stub/compare-b.txt': join(ROOT, 'tests/e2e/fixtures/compare-b.txt'),
  '/__stub/sample-compare.json': join(ROOT, 'tests/e2e/fixtures/sample-compare.json'),
};

/**
 * Serves web/app on 127.0.0.1 (random port). `overrides` maps URL paths to
 * files. Returns {url, close()}.
 */
export async function serve(overrides = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = overrides[path];
    if (!file) {
      const rel = normalize(path === '/' ? '/index.html' : path);
      file = join(APP, rel);
      if (!file.startsWith(APP + sep) && file !== APP) file = null;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Serves web/app with the project's own server (scripts/serve.mjs: what
 * scripts/run.sh runs, with its CSP header and MIME types) on a free port;
 * falls back to serve() when that script is absent. Returns {url, close()}.
 */
export async function serveProduction() {
  const script = join(ROOT, 'scripts/serve.mjs');
  if (!existsSync(script)) return serve();
  const child = spawn(process.execPath, [script, '--port', '0', '--root', APP], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('scripts/serve.mjs printed no URL')), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m && m[1] !== 'http://127.0.0.1:0/') {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`scripts/serve.mjs exited with ${code}`)));
  });
  return {
    url,
    close: () => new Promise((r) => {
      if (child.exitCode !== null) return r();
      child.once('exit', () => r());
      child.kill();
    }),
  };
}

let chromium;
/** Launches headless Chromium. */
export async function launch() {
  if (!chromium) ({ chromium } = await import('playwright-core'));
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps'],
  });
}

export const canRun = () => existsSync(CHROMIUM);

/**
 * A new page that records problems: console errors, uncaught page errors,
 * dialogs (alert() from a hostile article would show here) and requests to
 * any origin but `origin`.
 */
export async function openPage(browser, origin, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const log = { errors: [], foreign: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const recorded = new WeakSet();
  const seen = (r) => {
    if (recorded.has(r)) return;
    recorded.add(r);
    const url = r.url();
    log.requests.push(url);
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) log.foreign.push(url);
  };
  context.on('request', seen);
  page.on('request', seen);
  page.on('worker', (w) => w.on('console', (m) => {
    if (m.type() === 'error') log.errors.push('[worker] ' + m.text());
  }));
  return { context, page, log };
}

/** Waits until the page shows the analysis of exactly `seq` or newer, fully rendered. */
export async function waitRendered(page, timeout = 60000) {
  await page.waitForFunction(() => window.lede && window.lede.state.rendered && !window.lede.state.busy, null, { timeout });
}

/**
 * Pastes `text` over the article text (a real paste event with clipboard
 * data: what the browser does when a reader presses Ctrl+V), presses
 * Analyze, and waits for the annotated view.
 */
export async function pasteAndAnalyze(page, text, timeout = 60000) {
  const before = await page.evaluate(() => window.lede.state.seq);
  await page.evaluate((t) => {
    const ta = document.getElementById('text');
    ta.focus();
    ta.select();
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    if (ta.dispatchEvent(ev)) {
      // Not taken by the page (small paste): insert as the browser would, press Analyze.
      ta.setRangeText(t, 0, ta.value.length, 'end');
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      document.getElementById('analyze').click();
    }
  }, text);
  await page.waitForFunction((s) => window.lede.state.seq > s, before, { timeout });
  await waitRendered(page, timeout);
}

export function screenshotPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** The articles in ../shared/articles (empty when absent). */
export function sharedArticles() {
  const dir = join(SHARED, 'articles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/** Panel entries as a reader sees them: [{name, roles, meta}] of the People panel etc. */
export async function panelEntries(page, key) {
  await page.click(`#tab-${key}`);
  return page.$$eval('#panel > li.lede-entity > .lede-item', (items) => items.map((b) => ({
    name: b.querySelector('.lede-name')?.textContent || '',
    roles: b.querySelector('.lede-roles')?.textContent || '',
    meta: b.querySelector('.lede-meta')?.textContent || '',
  })));
}

/** The article as shown, without the badges the page adds (paragraphs joined by blank lines). */
export async function articleText(page) {
  return page.$eval('#article', (a) => [...a.querySelectorAll('.lede-para')].map((p) => {
    let out = '';
    const walk = (n) => {
      if (n.nodeType === 3) out += n.data;
      else if (n.nodeName === 'BR') out += '\n';
      else if (!(n.classList && n.classList.contains('lede-badge-btn'))) n.childNodes.forEach(walk);
    };
    p.childNodes.forEach(walk);
    return out;
  }).join('\n\n'));
}

/** The speaker badge shown right before the quote whose text starts with `start`. */
export async function badgeBefore(page, start) {
  return page.evaluate((start) => {
    for (const b of document.querySelectorAll('#article .lede-badge-btn[data-kind=quote]')) {
      let n = b.nextSibling;
      let text = '';
      while (n && text.length < start.length) {
        text += n.textContent;
        n = n.nextSibling;
      }
      if (text.startsWith(start)) {
        const badge = b.querySelector('.lede-badge');
        return { label: badge.lastChild.textContent, anonymous: badge.classList.contains('lede-badge-anon') };
      }
    }
    return null;
  }, start);
}
