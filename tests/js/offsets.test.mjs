// Offsets through the wasm module, against what node's TextDecoder and JS
// string indexing give: emoji, CJK, combining marks, right-to-left scripts,
// invalid bytes and lone surrogates.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {importWrapper, loadLede, slice, textSpans} from './load.mjs';

const lede = await loadLede();

const utf8 = (s) => new TextEncoder().encode(s);
const bytes = (...parts) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

// Inputs as raw bytes: what a file or a network response gives.
const cases = {
  'emoji with skin tone and flags': bytes('Residents of Izyum 🇺🇦 waved 👍🏽 on Saturday. Then 🙂.'),
  'CJK and Hangul': bytes('Tokyo (東京) and Seoul (서울) issued statements; 北京 did not.'),
  'combining marks': bytes('José Nuñez, not José Nuñez, said the Zelenskyy deal was off.'),
  'right-to-left': bytes('A banner read «مرحبا بكم» and another «שלום». Crowds cheered.'),
  'invalid bytes': bytes('Peskov said the caf', [0xe9], ' talks ', [0xc0, 0x80], ' were off ',
                         [0xed, 0xa0, 0x80], ' and ', [0xf0, 0x9f, 0x98], '.', [0xff]),
  'astral at every alignment': bytes('a😀'.repeat(40), 'bb😀'.repeat(40), 'ccc😀'.repeat(40)),
};

for (const [name, input] of Object.entries(cases)) {
  test(`offsets: ${name}`, () => {
    const decoded = new TextDecoder().decode(input);
    const fromBytes = lede.analyze(input);
    assert.equal(fromBytes.offsets, 'utf16');
    assert.equal(fromBytes.stats.chars, [...decoded].length);
    const invalid = decoded.includes('\uFFFD');
    assert.equal(fromBytes.warnings.some((w) => w.code === 'invalid-utf8'), invalid);

    // The decoded string gives the same analysis, less the invalid-utf8 warning.
    const fromString = lede.analyze(decoded);
    assert.deepEqual({...fromString, warnings: []}, {...fromBytes, warnings: []});

    for (const unit of ['utf16', 'codepoint', 'utf8']) {
      const result = lede.analyze(input, {offsets: unit});
      assert.equal(result.offsets, unit);
      for (const span of textSpans(result)) {
        assert.equal(slice(decoded, span.start, span.end, unit), span.text, `${unit} ${span.path}`);
      }
    }
  });
}

test('lone surrogates become U+FFFD, so UTF-16 offsets stay exact', () => {
  const text = 'Kyiv \uD800said\uDC00 it. Moscow 😀 did not \uDBFF';
  const clean = 'Kyiv \uFFFDsaid\uFFFD it. Moscow 😀 did not \uFFFD';
  assert.equal(lede.analyzeJson(text), lede.analyzeJson(clean));
  assert.equal(lede.analyze(text).stats.chars, [...clean].length);
});

test('toWellFormed without String.prototype.toWellFormed (older browsers)', async () => {
  const {toWellFormed} = await importWrapper();
  const cases = [
    ['plain', 'plain'],
    ['', ''],
    ['😀 pair kept', '😀 pair kept'],
    ['\uD800', '\uFFFD'],
    ['a\uDC00b', 'a\uFFFDb'],
    ['\uDC00\uD800', '\uFFFD\uFFFD'],
    ['x\uD83D\uDE00\uD83D', 'x😀\uFFFD'],
  ];
  const native = Object.getOwnPropertyDescriptor(String.prototype, 'toWellFormed');
  try {
    delete String.prototype.toWellFormed;
    for (const [input, want] of cases) assert.equal(toWellFormed(input), want, JSON.stringify(input));
  } finally {
    if (native) Object.defineProperty(String.prototype, 'toWellFormed', native);
  }
  for (const [input, want] of cases) assert.equal(toWellFormed(input), want);
});

test('errors are thrown as Error with the core message', () => {
  assert.throws(() => lede.analyze('x'.repeat(100), {maxBytes: 10}), /over the limit of 10 bytes/);
  assert.throws(() => lede.analyze('x', {offsets: 'utf-16'}), /options.offsets must be/);
  assert.throws(() => lede.analyze('x', {maxBytes: -1}), /maxBytes must be a positive/);
  assert.throws(() => lede.analyze(42), TypeError);
  assert.throws(() => lede.compare('a', 'b'.repeat(20), {maxBytes: 10}), /article b: .*over the limit/);
  // The module keeps working after refusals.
  assert.equal(lede.analyze('Kyiv said.').stats.sentences, 1);
});

test('empty input is a valid, empty analysis', () => {
  const result = lede.analyze('');
  assert.deepEqual(result.stats, {chars: 0, paragraphs: 0, sentences: 0, words: 0});
  assert.deepEqual([result.entities, result.quotes, result.claims], [[], [], []]);
  assert.match(lede.version, /^\d+\.\d+\.\d+/);
});
