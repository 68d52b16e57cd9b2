// Unit tests of the page's DOM-free shared modules (web/app/shared/model.js,
// segment() of highlight.js) on the hand-annotated sample analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildModel, claimLevel, describe, speakerLabel } from '../../web/app/shared/model.js';
import { segment } from '../../web/app/shared/highlight.js';

const fixture = JSON.parse(readFileSync(new URL('../e2e/fixtures/sample.analysis.json', import.meta.url), 'utf8'));
const text = readFileSync(new URL('../../web/app/sample.txt', import.meta.url), 'utf8');

test('fixture offsets are exact UTF-16 slices of the sample article', () => {
  for (const e of fixture.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  for (const q of fixture.quotes) assert.equal(text.slice(q.start, q.end), q.text);
});

test('People lists the quoted people with roles, most quoted first', () => {
  const m = buildModel(fixture);
  assert.deepEqual(m.people.map((p) => p.name), ['Tom Brennan', 'Maria Okafor', 'Priya Natarajan']);
  assert.deepEqual(m.people[1].roles, ["county's emergency management director"]);
  assert.equal(m.people[0].quotes.length, 2);
  assert.deepEqual(m.orgs.map((o) => o.name), ['Environment Agency']);
  assert.ok(m.places.some((p) => p.name === 'Northbridge'));
});

test('quotes group by speaker; the anonymous engineer is its own, anonymous group', () => {
  const m = buildModel(fixture);
  const anon = m.speakers.find((g) => g.anonymous);
  assert.equal(anon.name, 'one of the engineers who reviewed the design');
  assert.equal(anon.quotes.length, 1);
  const q1 = fixture.quotes[0];
  assert.deepEqual(speakerLabel(q1, m.byId), { label: 'Maria Okafor', anonymous: false, key: 'ent:E1' });
});

test('claims ranked by score; details carry stance, reasons and arithmetic', () => {
  const m = buildModel(fixture);
  assert.deepEqual(m.claims.map((c) => c.id), ['C1', 'C2', 'C3', 'C4']);
  assert.equal(claimLevel(0.92), 'hi');
  assert.equal(claimLevel(0.45), 'mid');
  assert.equal(claimLevel(0.1), 'lo');
  assert.ok(describe(m, 'quote', 'Q6').some((l) => l.includes('stance: say')));
  assert.ok(describe(m, 'claim', 'C1').includes('Why: number; named source'));
  assert.ok(describe(m, 'entity', 'E2').includes('Role: Council leader'));
  const check = m.checks.find((k) => k.verdict === 'inconsistent');
  assert.match(describe(m, 'check', check.id).join(' '), /2,300 .* 2,400/);
});

test('an empty analysis (stages not landed yet) gives empty panels, no throw', () => {
  const m = buildModel({ schema: 1, entities: [], quotes: [], claims: [], checks: [] });
  assert.equal(m.people.length + m.speakers.length + m.claims.length + m.annotations.length, 0);
  assert.equal(buildModel(null).annotations.length, 0);
});

test('segment layers overlapping spans: cut at every boundary', () => {
  // claim [0,20) contains quote [5,15) which contains entity [8,10).
  const segs = segment([{ start: 0, end: 20 }, { start: 5, end: 15 }, { start: 8, end: 10 }]);
  assert.deepEqual(segs, [
    { start: 0, end: 5, active: [0] },
    { start: 5, end: 8, active: [0, 1] },
    { start: 8, end: 10, active: [0, 1, 2] },
    { start: 10, end: 15, active: [0, 1] },
    { start: 15, end: 20, active: [0] },
  ]);
  // Touching spans do not merge; gaps stay uncovered; empty spans are ignored.
  assert.deepEqual(segment([{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 6, end: 7 }, { start: 3, end: 3 }]), [
    { start: 0, end: 2, active: [0] }, { start: 2, end: 4, active: [1] }, { start: 6, end: 7, active: [2] },
  ]);
});

test('every annotation of the sample is covered by segments exactly', () => {
  const m = buildModel(fixture);
  const segs = segment(m.annotations);
  m.annotations.forEach((a, i) => {
    const covered = segs.filter((s) => s.active.includes(i)).reduce((n, s) => n + s.end - s.start, 0);
    assert.equal(covered, a.end - a.start, `annotation ${i}`);
  });
});
