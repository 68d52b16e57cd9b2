// A stand-in for the analysis worker (gen/worker.js) in the page's UI tests,
// speaking the same protocol. For web/app/sample.txt it returns the
// hand-annotated fixture (fixtures/sample.analysis.json); for any other text
// a crude but schema-1-shaped analysis: capitalised word pairs become PERSON
// entities, text between quotation marks becomes unattributed quotes,
// sentences with digits become claims. It lets the page be tested (layout,
// hostile text, long inputs) before, and independently of, the real core.
// compare(sample, fixtures/compare-b.txt) answers with fixtures/sample-compare.json,
// the native CLI's output (lede compare --pretty web/app/sample.txt
// tests/e2e/fixtures/compare-b.txt); any other pair: "not implemented".
let fixture = null;
async function getFixture() {
  if (!fixture) {
    const [analysis, text, compareB, compare] = await Promise.all([
      fetch('/__stub/sample.analysis.json').then((r) => r.json()),
      fetch('/sample.txt').then((r) => r.text()),
      fetch('/__stub/compare-b.txt').then((r) => r.text()),
      fetch('/__stub/sample-compare.json').then((r) => r.json()),
    ]);
    const norm = (t) => t.replace(/\r\n?/g, '\n');
    fixture = { analysis, text: norm(text), compareB: norm(compareB), compare };
  }
  return fixture;
}

function crude(text, progress) {
  const entities = new Map();
  const re = /\b([A-Z][a-z]+ [A-Z][a-z]+)\b/g;
  let m;
  let n = 0;
  while ((m = re.exec(text))) {
    if (!entities.has(m[1])) entities.set(m[1], { id: 'E' + (entities.size + 1), type: 'PERSON', name: m[1], roles: [], salience: 0, mentions: [] });
    entities.get(m[1]).mentions.push({ start: m.index, end: m.index + m[1].length, text: m[1] });
    if (++n % 20000 === 0) progress(Math.min(0.9, m.index / text.length));
  }
  const quotes = [];
  const qre = /[“"]([^”"\n]{1,400})[”"]/g;
  while ((m = qre.exec(text))) {
    const start = m.index + 1;
    quotes.push({ id: 'Q' + (quotes.length + 1), kind: 'direct', start, end: start + m[1].length, text: m[1], cue: null, speaker: null, confidence: 0.5 });
  }
  const claims = [];
  const cre = /[^.!?\n]*\d[^.!?\n]*[.!?]/g;
  while ((m = cre.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    claims.push({ id: 'C' + (claims.length + 1), start, end: m.index + m[0].length, text: m[0].trim(), score: 0.5, types: ['quantity'], source: { entity: null, quote: null }, hedged: false, reasons: ['number'] });
  }
  return {
    schema: 1, offsets: 'utf16',
    stats: { chars: text.length, paragraphs: text.split(/\n\s*\n/).length, sentences: 0, words: text.split(/\s+/).filter(Boolean).length },
    warnings: [], entities: [...entities.values()], quotes, claims, checks: [],
  };
}

self.onmessage = async ({ data }) => {
  const { id, type, text } = data || {};
  try {
    if (type === 'analyze') {
      const f = await getFixture();
      const result = text === f.text ? f.analysis : crude(text, (p) => self.postMessage({ id, progress: p }));
      self.postMessage({ id, result });
    } else if (type === 'compare') {
      const f = await getFixture();
      const norm = (t) => String(t).replace(/\r\n?/g, '\n');
      if (norm(data.a) === f.text && norm(data.b) === f.compareB) self.postMessage({ id, result: f.compare });
      else self.postMessage({ id, error: 'compare is not implemented in this build' });
    } else {
      self.postMessage({ id, error: `unknown message type ${type}` });
    }
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
