// The module's memory is capped: running out of it is a JS Error, and the
// same wrapper object analyses the next article correctly (lede.js replaces
// the failed instance with a fresh one from the compiled module). Over the
// input limit stays a clear error naming the limit, before any memory is used.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {before, test} from 'node:test';

import {importWrapper, root, wasmDir} from './load.mjs';

const CAP = 32 << 20;  // 32 MiB: the module starts with 16 MiB
let createLede;
let wasmBinary;
let article;
let big;
before(async () => {
  ({createLede} = await importWrapper());
  wasmBinary = readFileSync(join(wasmDir, 'lede.wasm'));
  article = readFileSync(join(root, 'web/app/sample.txt'), 'utf8');
  // About 6 MB of real article text (the sample and the golden inputs):
  // the analysis needs several times its size, far past the 32 MiB cap
  // (3 MB came to fit it once the claims stage stopped raising the heap's top).
  const parts = [article];
  const golden = join(root, 'tests/golden');
  for (const d of readdirSync(golden).sort()) {
    const p = join(golden, d, 'input.txt');
    if (existsSync(p)) parts.push(readFileSync(p, 'utf8'));
  }
  const unit = parts.join('\n\n');
  big = unit.repeat(Math.ceil(6e6 / unit.length));
});

const outOfMemory = (e) => {
  assert.ok(e instanceof Error, `an Error, not ${Object.prototype.toString.call(e)}`);
  assert.match(e.message, /out of memory/);
  assert.match(e.message, /32 MiB/);
  return true;
};

test('out of memory is an Error, and the same object then analyses an article exactly', async () => {
  const lede = await createLede({wasmBinary, maxMemory: CAP});
  const want = lede.analyzeJson(article);
  for (let round = 0; round < 3; round++) {
    assert.throws(() => lede.analyze(big), outOfMemory, `round ${round}`);
    assert.equal(lede.analyzeJson(article), want, `round ${round}: the next analysis is exact`);
  }
  // Through compare too, and the other entry points keep working.
  assert.throws(() => lede.compare(big, article), outOfMemory);
  const c = lede.compare(article, article);
  assert.ok(c && typeof c === 'object');
  assert.equal(lede.analyzeJson(article), want);
});

test('the cap is the default wrapper\'s result too: a capped and an uncapped module agree', async () => {
  const capped = await createLede({wasmBinary, maxMemory: CAP});
  const uncapped = await createLede({wasmBinary});
  assert.equal(capped.analyzeJson(article), uncapped.analyzeJson(article));
  // 6 MB fits the default cap (1 GiB): the failure above is the cap's doing.
  const r = uncapped.analyze(big);
  assert.ok(r.stats.words > 100000);
});

test('over the input limit: an Error naming the limit, before anything enters the module', async () => {
  const lede = await createLede({wasmBinary, maxMemory: CAP});
  // 17 MiB: over the default 16 MiB limit, and over the memory cap if copied in.
  const huge = 'a'.repeat(17 << 20);
  assert.throws(() => lede.analyze(huge), (e) => {
    assert.ok(e instanceof Error);
    assert.match(e.message, /over the limit of 16777216 bytes/);
    assert.doesNotMatch(e.message, /memory/);
    return true;
  });
  assert.throws(() => lede.analyze(new Uint8Array(17 << 20)), /over the limit of 16777216 bytes/);
  assert.throws(() => lede.compare('x', huge), /article b: input is 17825792 bytes, over the limit/);
  // Multi-byte text: the message counts UTF-8 bytes.
  assert.throws(() => lede.analyze('\u00e9'.repeat(600), {maxBytes: 1000}),
                /input is 1200 bytes, over the limit of 1000 bytes/);
  assert.ok(lede.analyze(article).stats.words > 0);
});

test('maxMemory below the initial memory is refused', async () => {
  await assert.rejects(createLede({wasmBinary, maxMemory: 1 << 20}), RangeError);
  await assert.rejects(createLede({wasmBinary, maxMemory: -1}), RangeError);
});
