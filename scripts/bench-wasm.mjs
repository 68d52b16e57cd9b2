// The wasm module in node on the same corpus as `lede bench`, and, side by
// side, compromise and wink-nlp (+ wink-eng-lite-web-model) when installed
// (npm devDependencies). Prints MB/s, articles/s, p50/p99 per article, module
// load time, download size, and each peer's speed as a ratio to lede's.
//   node scripts/bench-wasm.mjs [--max-mb M] [--min-seconds S] [--no-peers]
// Corpus: ../shared/articles/*.txt + ../shared/data/quotes/polnear-*.jsonl
// (deduplicated by "doc"), else tests/golden/*/input.txt. Wasm from
// LEDE_WASM_DIR or build/wasm-release/gen. Times are process CPU time.
// A benchmark, not a test.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {createRequire} from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.LEDE_SHARED_DIR ?? join(root, '../shared'));
const wasmDir = resolve(process.env.LEDE_WASM_DIR ?? join(root, 'build/wasm-release/gen'));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const maxMb = opt('--max-mb', 16);
const minSeconds = opt('--min-seconds', 3);
const peers = !args.includes('--no-peers');

function loadCorpus() {
  const out = [];
  const dir = join(shared, 'articles');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort())
      out.push(readFileSync(join(dir, f), 'utf8'));
  }
  for (const f of ['polnear-dev.jsonl', 'polnear-train.jsonl']) {
    const p = join(shared, 'data/quotes', f);
    if (!existsSync(p)) continue;
    const seen = new Set();
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line) continue;
      const j = JSON.parse(line);
      const key = j.doc ?? String(seen.size);
      if (typeof j.text !== 'string' || seen.has(key)) continue;
      seen.add(key);
      out.push(j.text);
    }
  }
  let source = `${shared}/articles + polnear`;
  if (out.length === 0) {
    source = 'tests/golden';
    const g = join(root, 'tests/golden');
    for (const d of readdirSync(g).sort()) {
      const p = join(g, d, 'input.txt');
      if (existsSync(p)) out.push(readFileSync(p, 'utf8'));
    }
  }
  const kept = [];
  let bytes = 0;
  for (const t of out) {
    const b = Buffer.byteLength(t);
    if (!t) continue;
    if (bytes + b > maxMb * 1e6 && kept.length) break;
    bytes += b;
    kept.push(t);
  }
  return {texts: kept, bytes, source};
}

function pct(v, q) {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
}

// Process CPU time in ms (user + system): like `lede bench`'s thread CPU
// time, it leaves out the time a busy machine makes us wait for a core.
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

// Runs fn over the corpus (one warm-up pass, then passes until minSeconds of CPU).
function time(name, texts, bytes, fn) {
  for (const t of texts) fn(t);
  const lat = [];
  let total = 0;
  let passes = 0;
  do {
    for (const t of texts) {
      const t0 = cpuMs();
      fn(t);
      const ms = cpuMs() - t0;
      lat.push(ms);
      total += ms;
    }
    passes++;
  } while (total < minSeconds * 1000);
  const r = {
    name,
    mbPerS: (bytes * passes) / 1e6 / (total / 1000),
    articlesPerS: (texts.length * passes) / (total / 1000),
    p50: pct(lat, 0.5),
    p99: pct(lat, 0.99),
    passes,
  };
  console.log(
      `${name.padEnd(28)} ${r.mbPerS.toFixed(3).padStart(9)} MB/s ${r.articlesPerS.toFixed(0).padStart(7)} articles/s` +
      `   p50 ${r.p50.toFixed(3)} ms  p99 ${r.p99.toFixed(3)} ms  (${passes} pass(es))`);
  return r;
}

const {texts, bytes, source} = loadCorpus();
console.log(`bench-wasm: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB from ${source}; node ${process.version}`);

const wasmPath = join(wasmDir, 'lede.wasm');
if (!existsSync(wasmPath)) {
  console.error(`bench-wasm: ${wasmPath} missing: cmake --preset wasm-release && cmake --build --preset wasm-release`);
  process.exit(1);
}
const wasmBytes = readFileSync(wasmPath);
let gz = gzipSync(wasmBytes, {level: 9}).length;
let raw = wasmBytes.length;
for (const f of ['lede.js', 'lede-module.js', 'worker.js']) {
  const p = join(wasmDir, f);
  if (!existsSync(p)) continue;
  const b = readFileSync(p);
  raw += b.length;
  gz += gzipSync(b, {level: 9}).length;
}
console.log(`download: ${(raw / 1e3).toFixed(0)} KB (.wasm + JS), ${(gz / 1e3).toFixed(0)} KB gzipped (target <= 1000 KB)`);
const t0 = performance.now();
const {createLede} = await import(pathToFileURL(join(wasmDir, 'lede.js')).href);
const lede = await createLede({wasmBinary: wasmBytes});
const ready = performance.now() - t0;
const t1 = performance.now();
lede.analyze('Joe Biden said "we will win."');
console.log(`module ready: ${ready.toFixed(1)} ms (import + compile + instantiate, bytes in memory; target < 100 ms); first analyze ${(performance.now() - t1).toFixed(1)} ms`);

const results = [time('lede (wasm, analyzeJson)', texts, bytes, (t) => lede.analyzeJson(t))];
time('lede (wasm, analyze->object)', texts, bytes, (t) => lede.analyze(t));

if (peers) {
  const require = createRequire(join(root, 'package.json'));
  try {
    const nlp = require('compromise');
    results.push(time('compromise', texts, bytes, (t) => {
      const d = nlp(t);
      d.people().out('array');
      d.places().out('array');
      d.organizations().out('array');
      d.quotations().out('array');
    }));
  } catch (e) {
    console.log(`compromise: not installed (${e.code ?? e.message})`);
  }
  try {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    results.push(time('wink-nlp + lite web model', texts, bytes, (t) => {
      const d = nlp.readDoc(t);
      d.entities().out(its.detail);
      d.sentences().out();
    }));
  } catch (e) {
    console.log(`wink-nlp: not installed (${e.code ?? e.message})`);
  }
  const base = results[0].mbPerS;
  for (const r of results.slice(1))
    console.log(`lede wasm is ${(base / r.mbPerS).toFixed(1)}x the speed of ${r.name}`);
}
