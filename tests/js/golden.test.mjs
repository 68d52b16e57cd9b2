// The golden fixtures through the wasm module: byte for byte what the native
// CLI printed into tests/golden/*/expected.json (`lede analyze --pretty`).
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import {loadLede, root, slice, textSpans} from './load.mjs';

const goldenDir = join(root, 'tests/golden');
const fixtures = readdirSync(goldenDir, {withFileTypes: true})
  .filter((d) => d.isDirectory() && existsSync(join(goldenDir, d.name, 'input.txt')))
  .map((d) => d.name)
  .sort();
const lede = await loadLede();

// The CLI flags of a fixture's `options` file as wasm options.
function fixtureOptions(name) {
  const file = join(goldenDir, name, 'options');
  const options = {pretty: true};
  if (!existsSync(file)) return options;
  const words = readFileSync(file, 'utf8').split('\n')[0].trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--offsets') options.offsets = words[++i];
    else if (words[i] === '--max-bytes') options.maxBytes = Number(words[++i]);
    else throw new Error(`${name}/options: no wasm equivalent for ${words[i]}`);
  }
  return options;
}

// As check.sh writes expected.json: the output with exactly one final newline.
const asFile = (json) => json.replace(/\n*$/, '\n');

test('there are golden fixtures', () => {
  assert.ok(fixtures.length >= 5, `only ${fixtures.length} fixtures in ${goldenDir}`);
});

for (const name of fixtures) {
  test(`golden ${name}: wasm output equals expected.json`, () => {
    const bytes = readFileSync(join(goldenDir, name, 'input.txt'));
    const expected = readFileSync(join(goldenDir, name, 'expected.json'), 'utf8');
    const options = fixtureOptions(name);
    assert.equal(asFile(lede.analyzeJson(bytes, options)), expected);

    // A valid UTF-8 input passed as a JS string gives the same bytes too.
    let text = null;
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
    } catch {
      // invalid UTF-8: only the bytes path carries the invalid-utf8 warning
    }
    if (text !== null) assert.equal(asFile(lede.analyzeJson(text, options)), expected);

    // Every span's text is exactly the slice of the decoded input it points at.
    const decoded = new TextDecoder('utf-8').decode(bytes);
    const result = JSON.parse(expected);
    for (const span of textSpans(result)) {
      assert.equal(slice(decoded, span.start, span.end, result.offsets), span.text, span.path);
    }
  });
}
