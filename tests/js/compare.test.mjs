// compare(a, b) through the wasm module gives what the native `lede compare`
// prints, on golden inputs and (when ../shared is there) the shared articles.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';

import {loadLede, root, slice, textSpans} from './load.mjs';

const lede = await loadLede();
const cli = process.env.LEDE_CLI ?? join(root, 'build/native-release/lede');
const shared = process.env.LEDE_SHARED_DIR ?? join(root, '../shared');

const pairs = [
  ['golden', join(root, 'tests/golden/kharkiv-dateline/input.txt'),
   join(root, 'tests/golden/officials-anonymous/input.txt')],
  ['shared articles', join(shared, 'articles/000_724cd630e37b2297.txt'),
   join(shared, 'articles/002_4bda11de0e7c9aba.txt')],
];

for (const [name, fileA, fileB] of pairs) {
  test(`compare ${name}: wasm equals native`, (t) => {
    if (!existsSync(cli)) return t.skip(`no native CLI at ${cli}`);
    if (!existsSync(fileA) || !existsSync(fileB)) return t.skip(`${fileA} or ${fileB} missing`);
    const native = JSON.parse(execFileSync(cli, ['compare', fileA, fileB], {encoding: 'utf8'}));
    const a = readFileSync(fileA);
    const b = readFileSync(fileB);
    const wasm = lede.compare(a, b);
    assert.deepEqual(wasm, native);
    assert.equal(wasm.kind, 'compare');
    // Spans on the a side slice article a, on the b side article b.
    const textA = new TextDecoder().decode(a);
    const textB = new TextDecoder().decode(b);
    for (const span of textSpans(wasm)) {
      const side = /\.a(\.|\[|$)/.test(span.path) ? textA : /\.b(\.|\[|$)/.test(span.path) ? textB : null;
      if (side) assert.equal(slice(side, span.start, span.end, 'utf16'), span.text, span.path);
    }
  });
}

// Long articles: the comparison's JSON (over 150 KB) comes out of the module
// in 64 KiB pieces (bindings.cc, compareInput), decoded as they arrive; it
// must be the bytes `lede compare` prints, whatever falls on a piece's edge
// (the texts have CJK, emoji and curly quotes).
test('compare of long articles: the streamed JSON is native\'s, byte for byte', (t) => {
  const golden = (name) => readFileSync(join(root, 'tests/golden', name, 'input.txt'), 'utf8');
  const a = `${golden('kharkiv-dateline')}${golden('officials-anonymous')}` +
            `${golden('scripts-emoji-cjk-rtl')}\n`;
  const b = `${golden('officials-anonymous')}${golden('kharkiv-dateline')}\n`;
  const textA = a.repeat(30);
  const textB = b.repeat(30);
  const dir = mkdtempSync(join(tmpdir(), 'lede-compare-'));
  try {
    const fileA = join(dir, 'a.txt');
    const fileB = join(dir, 'b.txt');
    writeFileSync(fileA, textA);
    writeFileSync(fileB, textB);
    for (const [options, flags] of [[undefined, []],
      [{pretty: true, offsets: 'codepoint'}, ['--pretty', '--offsets', 'codepoint']]]) {
      const wasm = lede.compareJson(textA, textB, options);
      assert.ok(Buffer.byteLength(wasm) > 2 * 65536, `${Buffer.byteLength(wasm)} bytes of JSON`);
      assert.ok(!wasm.includes('\uFFFD'), 'a character split between pieces');
      const parsed = JSON.parse(wasm);
      assert.equal(parsed.kind, 'compare');
      assert.ok(parsed.claims.both.length > 0 && parsed.entities.both.length > 0);
      if (!existsSync(cli)) {
        t.diagnostic(`no native CLI at ${cli}: byte comparison skipped`);
        continue;
      }
      const native = execFileSync(cli, ['compare', ...flags, fileA, fileB], {encoding: 'utf8'});
      // The CLI ends its line after compact JSON; pretty JSON ends with one.
      assert.equal(wasm + (options?.pretty ? '' : '\n'), native);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('compare: bad options come back as an Error, and the module goes on', () => {
  assert.throws(() => lede.compare('Ann Lee said so.', 'Ann Lee said so.', {offsets: 'bytes'}),
                /options\.offsets must be "utf16", "utf8" or "codepoint"/);
  assert.throws(() => lede.compare('Ann Lee said so.', 'x'.repeat(20), {maxBytes: 16}),
                /^Error: article b: input is 20 bytes, over the limit of 16 bytes$/);
  const c = lede.compare('Ann Lee said so in Kyiv.', 'Ann Lee said so in Kyiv.');
  assert.equal(c.kind, 'compare');
  assert.ok(c.entities.both.some((e) => e.name === 'Kyiv'), JSON.stringify(c.entities));
});
