// Bad input through the wasm module: invalid UTF-8 decodes exactly as the
// platform's TextDecoder (WHATWG) does, lone surrogates from JS are safe, and
// a refused input surfaces as a JS Error that leaves the module usable.
import assert from 'node:assert/strict';
import {before, test} from 'node:test';

import {loadLede} from './load.mjs';

let lede;
before(async () => {
  lede = await loadLede();
});

// A small deterministic generator (tests must repeat exactly).
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s;
  };
}

const POOL = [0x61, 0x20, 0x22, 0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
  0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xfe, 0xff];

test('random bytes decode as TextDecoder does: the same U+FFFD, so offsets agree', () => {
  const next = rng(20221122);
  const enc = new TextEncoder();
  const name = enc.encode(' Volodymyr Zelensky said ');
  for (let round = 0; round < 150; round++) {
    const junk = () => Uint8Array.from({length: next() % 12}, () =>
      next() % 4 === 0 ? next() % 256 : POOL[next() % POOL.length]);
    const a = junk();
    const b = junk();
    const bytes = new Uint8Array(a.length + name.length + b.length);
    bytes.set(a, 0);
    bytes.set(name, a.length);
    bytes.set(b, a.length + name.length);
    const decoded = new TextDecoder().decode(bytes);
    let valid = true;
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes);
    } catch {
      valid = false;
    }
    const r = lede.analyze(bytes);
    const why = `bytes ${Buffer.from(bytes).toString('hex')}`;
    assert.equal(r.stats.chars, [...decoded].length, why);
    assert.equal(r.warnings.some((w) => w.code === 'invalid-utf8'), !valid, why);
    for (const e of r.entities) {
      for (const m of e.mentions) assert.equal(decoded.slice(m.start, m.end), m.text, why);
    }
  }
});

test('lone surrogates from JS strings are replaced, offsets still exact', () => {
  const text = 'Zelensky\uD800 said \uDC00\u201CWe will win,\u201D he said.\uD83D';
  const r = lede.analyze(text);
  const wellFormed = text.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
  assert.equal(r.stats.chars, [...wellFormed].length);
  for (const q of r.quotes) assert.equal(wellFormed.slice(q.start, q.end), q.text);
});

test('over the size limit: an Error naming the limit, and the module still works', () => {
  assert.throws(() => lede.analyze('a'.repeat(1001), {maxBytes: 1000}), (e) => {
    assert.ok(e instanceof Error);
    assert.match(e.message, /1000 bytes/);
    return true;
  });
  const r = lede.analyze('Gen. Valery Zaluzhny said \u201CWe are moving forward.\u201D');
  assert.ok(r.stats.words > 0);
});

test('HTML, JSON and NUL pasted as text come back as data', () => {
  const text = '<script>alert(1)</script>\u0000{"a": [1e400]} \u201CWe won,\u201D Joe Biden said.';
  const r = lede.analyze(text);
  const json = lede.analyzeJson(text);
  assert.deepEqual(JSON.parse(json).stats, r.stats);
  for (const q of r.quotes) assert.equal(text.slice(q.start, q.end), q.text);
});
