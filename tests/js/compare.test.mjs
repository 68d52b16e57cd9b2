// compare(a, b) through the wasm module gives what the native `lede compare`
// prints, on golden inputs and (when ../shared is there) the shared articles.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
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
