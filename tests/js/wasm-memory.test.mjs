// The wasm module's memory on a long text (issue #8: peak under 8x the input
// plus the fixed model). A wasm memory never shrinks, so the heap's
// high-water mark during one analysis is what a page keeps paying for.
// The text is generated news (seeded, so every run sees the same bytes):
// people, organisations and places from name lists, quotes, figures,
// datelines, in paragraphs. docs/performance.md (wasm memory) has the figures
// for 1 and 5 MB of real news (scripts/wasm-memory.mjs).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {before, test} from 'node:test';

import {importWrapper, slice, textSpans, wasmDir} from './load.mjs';

const WARM_UP = 'Ann Lee said on Monday that "the 3 towns cost $5 million."';

// A small seeded generator (mulberry32): the same text on every run.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Maria', 'James', 'Olena', 'Ahmed', 'Sofia', 'Daniel', 'Priya', 'Thomas', 'Li',
  'Grace', 'Mateo', 'Hannah', 'Yusuf', 'Claire', 'Andrzej', 'Fatima', 'Robert', 'Keiko',
  'Samuel', 'Ines', 'Viktor', 'Amara', 'Paul', 'Leila', 'George', 'Nadia', 'Oscar', 'Eva'];
const LAST = ['Kowalski', 'Okafor', 'Brennan', 'Haddad', 'Lindqvist', 'Moreno', 'Tanaka',
  'Petrenko', 'Garcia', 'Whitfield', 'Nakamura', 'Schultz', 'Adeyemi', 'Rossi', 'Fischer',
  'Delgado', 'Chen', 'Murphy', 'Novak', 'Santos', 'Becker', 'Ivanova', 'Clarke', 'Mensah',
  'Larsen', 'Duval', 'Horvat', 'Sato', 'Quinn', 'Abbott', 'Reyes', 'Osei'];
const ORG_HEAD = ['Northern', 'Atlantic', 'United', 'Pacific', 'Central', 'Global', 'National',
  'Coastal', 'Eastern', 'Summit', 'Harbor', 'Liberty'];
const ORG_TAIL = ['Energy', 'Bank', 'Motors', 'Health Group', 'Airlines', 'Steel', 'Foods',
  'Telecom', 'Insurance', 'Pharmaceuticals', 'Shipping', 'Media'];
const ORG_KIND = ['Corp.', 'Inc.', 'Ltd', 'Holdings', 'Co.'];
const BODIES = ['the Senate', 'the Ministry of Finance', 'the World Health Organization',
  'the European Commission', 'the Federal Reserve', 'the city council', 'the Supreme Court',
  'the United Nations', 'the Department of Labor', 'NATO'];
const PLACES = ['Kyiv', 'Lagos', 'Chicago', 'Berlin', 'Manila', 'Toronto', 'Nairobi', 'Lima',
  'Warsaw', 'Osaka', 'Cairo', 'Denver', 'Lyon', 'Jakarta', 'Glasgow', 'Austin', 'Kharkiv',
  'Seville', 'Hanoi', 'Accra'];
const ROLES = ['chief executive', 'spokesman', 'finance minister', 'mayor', 'senior analyst',
  'director', 'lawmaker', 'professor of economics', 'union leader', 'police chief'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const THINGS = ['the budget', 'the new factory', 'the strike', 'the trade agreement',
  'the vaccine programme', 'the flood defences', 'the merger', 'the election', 'the ceasefire',
  'rents', 'the bridge repairs', 'fuel prices'];
const CLAIMS = ['will cost taxpayers more than', 'created', 'cut emissions by', 'raised wages by',
  'lost', 'doubled its spending to'];

function newsText(bytes, seed = 8) {
  const r = random(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const num = (lo, hi) => lo + Math.floor(r() * (hi - lo));
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const org = () => `${pick(ORG_HEAD)} ${pick(ORG_TAIL)} ${pick(ORG_KIND)}`;
  const date = () => `${pick(MONTHS)} ${num(1, 29)}`;
  const sentences = [
    () => `${person()}, the ${pick(ROLES)} of ${org()}, said on ${pick(DAYS)} that ` +
          `\u201c${pick(THINGS)} ${pick(CLAIMS)} $${num(2, 900)} million\u201d last year.`,
    () => `\u201cWe did not expect ${pick(THINGS)} to move this fast,\u201d said ${person()}, ` +
          `a ${pick(ROLES)} in ${pick(PLACES)}.`,
    () => `${org()} reported revenue of $${num(10, 990)}.${num(1, 9)} billion for the quarter, ` +
          `up ${num(2, 40)}% from $${num(10, 900)} million a year earlier.`,
    () => `${pick(BODIES)} voted ${num(40, 99)} to ${num(1, 39)} on ${date()} to approve ` +
          `${pick(THINGS)}, according to ${person()}.`,
    () => `In ${pick(PLACES)}, about ${num(2, 99)},000 people marched against ${pick(THINGS)}, ` +
          `police said; organisers put the figure at ${num(100, 300)},000.`,
    () => `${person()} told reporters that ${pick(BODIES)} had \u201cno plan\u201d for ` +
          `${pick(THINGS)} and that ${num(3, 70)} percent of residents opposed it.`,
    () => `The ${pick(ROLES)}, who asked not to be named, said ${org()} ` +
          `${pick(CLAIMS)} ${num(100, 9000)} jobs in ${pick(PLACES)} since ${num(1990, 2024)}.`,
  ];
  // Most sentences of news carry no figure (JSON about 5x the text, as news).
  const plain = [
    () => `${person()} arrived in ${pick(PLACES)} late on ${pick(DAYS)} for talks with ` +
          `officials from ${pick(BODIES)} and ${org()}.`,
    () => `Residents said the mood in the city had changed since the spring, when ` +
          `${pick(THINGS)} first became a matter of public debate.`,
    () => `${person()}, who has covered the region for years, described the meeting as ` +
          `tense but constructive.`,
    () => `Critics of ${pick(THINGS)} have long argued that the plan favours large companies ` +
          `such as ${org()} over small businesses.`,
    () => `The decision is expected to be reviewed by ${pick(BODIES)} before the end of the year, ` +
          `officials in ${pick(PLACES)} said.`,
    () => `Neither ${person()} nor ${person()} responded to requests for comment.`,
    () => `Supporters gathered outside the offices of ${org()} in ${pick(PLACES)} on ${pick(DAYS)} ` +
          `evening, waving flags and singing.`,
    () => `Analysts at ${org()} said the outlook remained uncertain and that much would depend ` +
          `on what ${pick(BODIES)} decides next.`,
  ];
  const sentence = () => (r() < 0.3 ? pick(sentences) : pick(plain))();
  const parts = [];
  let n = 0;
  while (n < bytes) {
    let p = `${pick(PLACES).toUpperCase()} (${date()}) \u2014 `;
    for (let k = num(2, 6); k > 0; k--) {
      const s = sentence();
      p += `${s[0].toUpperCase()}${s.slice(1)} `;
    }
    p = p.trimEnd();
    parts.push(p);
    n += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}

let createLede;
let wasmBinary;
let text;
before(async () => {
  ({createLede} = await importWrapper());
  wasmBinary = readFileSync(join(wasmDir, 'lede.wasm'));
  text = newsText(1.5e6);
});

// A fresh module after the page worker's warm-up (the models' tables built).
async function warmModule() {
  const lede = await createLede({wasmBinary});
  const [, top] = lede.stageMemory(WARM_UP).at(-1);
  return {lede, top, memory: lede.memoryBytes()};
}

test('1.5 MB of generated news: the heap\'s top rises under 8.2x the text over a warm module, none of it for the claims or the JSON', async () => {
  const bytes = Buffer.byteLength(text);
  assert.ok(bytes >= 1.5e6 && bytes < 1.6e6, `${bytes} bytes`);
  const {lede, top} = await warmModule();
  const phases = lede.stageMemory(text);
  const names = phases.map(([phase]) => phase);
  assert.deepEqual(names, ['input', 'decode', 'document', 'entities', 'quotes', 'claims', 'checks', 'json']);
  const x = (phase) => (phases[names.indexOf(phase)][1] - top) / bytes;
  const peak = x('json');
  // The JSON (about 5x the text) is streamed out: writing it does not move
  // the heap's top (it did by 5.7x when it was held as one string).
  assert.ok(peak - x('checks') < 0.05, `the JSON raised the heap's top by ${(peak - x('checks')).toFixed(2)}x`);
  // The input is copied in once and kept as the text (no decoded copy).
  assert.ok(x('decode') < 1.3, `decode: heap top ${x('decode').toFixed(2)}x`);
  // The entities stage: measured 7.81x (8.44x before the tagger's scores were
  // one block and the typer scored each group as it came; 1 MB of real news
  // 8.73x -> 7.63x).
  assert.ok(x('entities') < 8.2, `entities: heap top ${x('entities').toFixed(2)}x the text`);
  // The claims stage gathers its claims in 16 KB blocks, which fit in the
  // holes the earlier stages left: it does not raise the top. (Its vector
  // reserved for a claim a sentence, then copied to its size, raised it
  // 7.87x -> 8.53x here, 7.52x -> 7.80x on 1 MB of real news.)
  assert.ok(x('claims') - x('quotes') < 0.05,
            `the claims stage raised the heap's top by ${(x('claims') - x('quotes')).toFixed(2)}x`);
  // Measured 8.62x, then 8.72x at the claims stage (its 11,876 claims' vector
  // doubling, old and new block held at once), 8.02x with that vector
  // reserved, 8.53x by 2026-12-01 (16) (the reserved vector no longer fit
  // below the top), 7.87x with the claims in blocks (the quotes stage; 1 MB
  // of real news 7.52x, 4.3 MB 7.01x). Issue #8's target is 8x.
  assert.ok(peak < 8.2, `heap top ${peak.toFixed(2)}x the text (phases ${JSON.stringify(phases)})`);
});

test('1.5 MB of generated news through analyzeJson: the module\'s memory grows under 7x the text, and the streamed JSON is exact', async () => {
  const bytes = Buffer.byteLength(text);
  const {lede, memory} = await warmModule();
  const json = lede.analyzeJson(text);
  // Measured 4.98x: the first 16 MiB are there from the start (the warm
  // module's heap uses 7.2 MiB of them).
  const grown = (lede.memoryBytes() - memory) / bytes;
  assert.ok(grown < 7, `memory grew ${grown.toFixed(2)}x the text`);
  // The JSON arrived in 64 KiB pieces: characters split between two pieces
  // were joined (no U+FFFD), and every span is its slice of the text.
  assert.ok(json.length > 4 * bytes);
  assert.equal(json.includes('\uFFFD'), false);
  const result = JSON.parse(json);
  assert.ok(result.entities.length > 100 && result.quotes.length > 300 && result.claims.length > 300,
            `${result.entities.length} entities, ${result.quotes.length} quotes, ${result.claims.length} claims`);
  const spans = textSpans(result);
  assert.ok(spans.length > 10000);
  for (const s of spans) assert.equal(slice(text, s.start, s.end, result.offsets), s.text, s.path);
  // The same bytes as a fresh module's analysis of the text's first paragraphs.
  const head = text.slice(0, 20000);
  assert.equal(lede.analyzeJson(head), (await createLede({wasmBinary})).analyzeJson(head));
});
