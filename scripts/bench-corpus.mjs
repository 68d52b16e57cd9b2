// The benchmark corpus shared by scripts/bench-wasm.mjs and
// scripts/bench-page.mjs, loaded as `lede bench` loads it (tools/bench.cc):
// ../shared/articles/*.txt + ../shared/data/quotes/polnear-{dev,train}.jsonl
// (one text per "doc"), else tests/golden/*/input.txt; the first --max-mb MB.
// Also runs the native `lede bench --json` on the same corpus, so wasm/native
// ratios come from one run.
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const shared = resolve(process.env.LEDE_SHARED_DIR ?? join(root, '../shared'));

export function loadCorpus(maxMb) {
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

/** The native CLI to compare with: --native PATH, else build/native-release/lede when built. */
export function nativeCli(args) {
  if (args.includes('--no-native')) return null;
  const i = args.indexOf('--native');
  const p = i >= 0 ? resolve(args[i + 1]) : join(root, 'build/native-release/lede');
  return existsSync(p) ? p : null;
}

/** `lede bench --json` on the same corpus (same --max-mb and shared folder). */
export function runNative(cli, maxMb, minSeconds) {
  const out = execFileSync(cli, ['bench', '--json', '--max-mb', String(maxMb), '--min-seconds', String(minSeconds),
    '--shared', shared], {encoding: 'utf8', maxBuffer: 64 << 20});
  return JSON.parse(out);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
