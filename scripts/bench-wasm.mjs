// The wasm module in node on the same corpus as `lede bench`, with the
// native CLI run on that corpus in the same run (the ratio is what issue #8
// asks about: wasm >= half native), and, side by side, compromise and
// wink-nlp (+ wink-eng-lite-web-model) when installed (npm devDependencies).
// Prints MB/s, articles/s, p50/p99 per article, module load time, download
// size, per-stage speed of wasm vs native, and each peer's speed as a ratio.
//   node scripts/bench-wasm.mjs [--max-mb M] [--min-seconds S] [--rounds N]
//                               [--native PATH | --no-native] [--no-peers] [--no-stages]
// --rounds N alternates native and wasm N times and reports the median ratio
// (the machine is shared: single figures move by 20% between runs).
// Corpus: scripts/bench-corpus.mjs (as tools/bench.cc). Wasm from
// LEDE_WASM_DIR or build/wasm-release/gen. Times are process CPU time, as
// `lede bench` reports thread CPU time. A benchmark, not a test.
import {existsSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {createRequire} from 'node:module';
import {loadCorpus, median, nativeCli, root, runNative} from './bench-corpus.mjs';

const wasmDir = resolve(process.env.LEDE_WASM_DIR ?? join(root, 'build/wasm-release/gen'));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const maxMb = opt('--max-mb', 16);
const minSeconds = opt('--min-seconds', 3);
const rounds = opt('--rounds', 1);
const peers = !args.includes('--no-peers');
const stages = !args.includes('--no-stages');
const native = nativeCli(args);

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

const {texts, bytes, source} = loadCorpus(maxMb);
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

const results = [];
const ratios = [];
let nativeLast = null;
for (let round = 0; round < rounds; round++) {
  if (native) {
    nativeLast = runNative(native, maxMb, minSeconds);
    const n = nativeLast;
    console.log(`${'lede (native, lede bench)'.padEnd(28)} ${n.mb_per_s.toFixed(3).padStart(9)} MB/s ` +
                `${n.articles_per_s.toFixed(0).padStart(7)} articles/s   p50 ${n.latency_ms.p50.toFixed(3)} ms  ` +
                `p99 ${n.latency_ms.p99.toFixed(3)} ms  (${n.passes} pass(es))`);
    if (n.articles !== texts.length || n.bytes !== bytes) {
      console.log(`  warning: native corpus differs (${n.articles} articles, ${n.bytes} bytes)`);
    }
  }
  const r = time('lede (wasm, analyzeJson)', texts, bytes, (t) => lede.analyzeJson(t));
  if (round === 0) results.push(r);
  if (nativeLast) {
    ratios.push(r.mbPerS / nativeLast.mb_per_s);
    console.log(`  wasm/native: ${(100 * ratios.at(-1)).toFixed(0)}% (target >= 50%)`);
  }
}
if (ratios.length > 1) {
  console.log(`wasm/native over ${ratios.length} rounds: median ${(100 * median(ratios)).toFixed(0)}% ` +
              `(${ratios.map((x) => (100 * x).toFixed(0) + '%').join(', ')})`);
}
time('lede (wasm, analyze->object)', texts, bytes, (t) => lede.analyze(t));

if (stages) {
  // Per stage: three passes through stageTimes (wall clock in the module,
  // performance.now), the best pass per stage (a busy machine only adds
  // time), next to the native run's stage CPU times.
  const sum = new Map();
  for (const t of texts) lede.stageTimes(t);  // warm-up
  for (let pass = 0; pass < 3; pass++) {
    const one = new Map();
    for (const t of texts) {
      for (const [stage, sec] of lede.stageTimes(t)) one.set(stage, (one.get(stage) ?? 0) + sec);
    }
    for (const [stage, sec] of one) sum.set(stage, Math.min(sum.get(stage) ?? Infinity, sec));
  }
  const nat = new Map((nativeLast?.stages ?? []).map((st) => [st.stage, st.mb_per_s]));
  console.log('per stage (wasm: best of 3 passes, wall time inside the module):');
  console.log('  stage         wasm MB/s  native MB/s  wasm/native');
  for (const [stage, sec] of sum) {
    const w = bytes / 1e6 / sec;
    const n = nat.get(stage);
    console.log(`  ${stage.padEnd(12)} ${w.toFixed(2).padStart(10)} ${n ? n.toFixed(2).padStart(12) : '           -'}` +
                `${n ? `${(100 * w / n).toFixed(0)}%`.padStart(13) : ''}`);
  }
}

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
