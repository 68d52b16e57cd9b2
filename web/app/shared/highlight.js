// lede offset -> DOM highlighting, shared by the web page and the extension.
//
// The analysis gives spans as UTF-16 offsets into the article text. The
// caller supplies the article as a list of "pieces": DOM Text nodes, each
// with the offset of its first character in that text (the page creates
// these nodes itself; the extension collects them from the live page).
// Overlapping spans are layered, not nested: the text is cut at every span
// boundary, and each cut segment that lies inside at least one span is
// wrapped in ONE element whose classes are the union of the covering spans'
// classes (so "entity inside a quote inside a claim" gets a background from
// the entity, italics from the quote and an underline from the claim).
//
// Only Text nodes are created from article text (createTextNode / the
// existing node's data): no markup is ever parsed. remove() puts the
// original Text nodes back, so the DOM is exactly as it was.
//
//   const h = new Highlighter(pieces, annotations, {document, makeBadge});
//   h.runAll();                  // or: while (!h.run(200)) await frame();
//   h.elementsOf(i)              // wrapper elements of annotation i
//   h.remove();

/**
 * Cuts [min start, max end) at every span boundary.
 * @param {Array<{start:number,end:number}>} spans
 * @returns {Array<{start:number,end:number,active:number[]}>} segments in text
 *   order covering only text inside at least one span; `active` holds indexes
 *   into `spans`, in the order the spans were given.
 */
export function segment(spans) {
  // Events (position, end-before-start, span index) packed into one number
  // each and sorted as a Float64Array: numeric typed-array sort is an order
  // of magnitude faster than sorting arrays with a comparator, which matters
  // for the 100k+ spans of a multi-megabyte article.
  const n = spans.length;
  const IDX = 2 ** 21;
  let maxPos = 0;
  for (const s of spans) if (s && s.end > maxPos) maxPos = s.end;
  let events;  // sorted: [position, isStart (0 = end), span index] as one number or a triple
  if (n < IDX && maxPos < 2 ** 30) {
    const keys = new Float64Array(2 * n);
    let k = 0;
    spans.forEach((s, i) => {
      if (s && s.end > s.start) {
        keys[k++] = (s.start * 2 + 1) * IDX + i;
        keys[k++] = s.end * 2 * IDX + i;
      }
    });
    events = keys.subarray(0, k).sort();
  } else {
    events = [];
    spans.forEach((s, i) => {
      if (s && s.end > s.start) events.push([s.start, 1, i], [s.end, 0, i]);
    });
    events.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);  // ends before starts at a point
  }
  const out = [];
  const active = [];  // covering span indexes, kept sorted (few at a time)
  let pos = -1;
  for (let e = 0; e < events.length; e++) {
    let at;
    let isStart;
    let i;
    const ev = events[e];
    if (typeof ev === 'number') {
      i = ev % IDX;
      const pe = (ev - i) / IDX;
      at = Math.floor(pe / 2);
      isStart = pe % 2;
    } else {
      [at, isStart, i] = ev;
    }
    if (at > pos && active.length > 0 && pos >= 0) out.push({ start: pos, end: at, active: active.slice() });
    pos = at;
    if (isStart) {
      let j = active.length;
      while (j > 0 && active[j - 1] > i) j--;
      active.splice(j, 0, i);
    } else {
      const j = active.indexOf(i);
      if (j >= 0) active.splice(j, 1);
    }
  }
  return out;
}

/**
 * Wraps annotated parts of Text nodes. Annotations are
 * {start, end, classes: string[], badge?: {label, anonymous}}.
 */
export class Highlighter {
  /**
   * @param {Array<{node: Text, start: number}>} pieces in text order, not overlapping
   * @param {Array<object>} annotations
   * @param {{document?: Document, tag?: string, segClass?: string,
   *          makeBadge?: (annotation: object, index: number) => Node|null}} options
   */
  constructor(pieces, annotations, options = {}) {
    this.pieces = pieces;
    this.annotations = annotations;
    this.doc = options.document || (pieces[0] && pieces[0].node.ownerDocument) || globalThis.document;
    this.tag = options.tag || 'span';
    this.segClass = options.segClass || 'lede-seg';
    this.makeBadge = options.makeBadge || null;
    this.segments = segment(annotations);
    this.byAnnotation = new Map();  // annotation index -> wrapper elements
    this.records = [];              // {original, inserted[]} for remove()
    this.next = 0;                  // next piece to process
    this.seg = 0;                   // first segment not yet fully consumed
    this.badged = new Set();
  }

  /** Fraction of pieces processed, 0..1. */
  get progress() {
    return this.pieces.length ? this.next / this.pieces.length : 1;
  }

  /** Processes up to `maxPieces` pieces; returns true when all are done. */
  run(maxPieces = Infinity) {
    const stop = Math.min(this.pieces.length, this.next + maxPieces);
    for (; this.next < stop; this.next++) this.wrapPiece(this.pieces[this.next]);
    return this.next >= this.pieces.length;
  }

  runAll() {
    this.run(Infinity);
    return this;
  }

  wrapPiece({ node, start }) {
    const text = node.data;
    const end = start + text.length;
    const segs = this.segments;
    while (this.seg < segs.length && segs[this.seg].end <= start) this.seg++;
    if (this.seg >= segs.length || segs[this.seg].start >= end) return;
    const doc = this.doc;
    const frag = doc.createDocumentFragment();
    const inserted = [];
    const add = (n) => {
      frag.appendChild(n);
      inserted.push(n);
    };
    let pos = start;
    let k = this.seg;
    for (; k < segs.length && segs[k].start < end; k++) {
      const s = segs[k];
      const a = Math.max(s.start, start);
      const b = Math.min(s.end, end);
      if (a > pos) add(doc.createTextNode(text.slice(pos - start, a - start)));
      // Badges go right before the segment where their annotation starts.
      if (this.makeBadge) {
        for (const i of s.active) {
          const ann = this.annotations[i];
          if (ann.badge && !this.badged.has(i) && ann.start >= start && ann.start === a) {
            this.badged.add(i);
            const badge = this.makeBadge(ann, i);
            if (badge) add(badge);
          }
        }
      }
      const el = doc.createElement(this.tag);
      const classes = new Set([this.segClass]);
      for (const i of s.active) for (const c of this.annotations[i].classes || []) classes.add(c);
      el.className = [...classes].join(' ');
      el.dataset.lede = s.active.join(' ');
      el.appendChild(doc.createTextNode(text.slice(a - start, b - start)));
      add(el);
      for (const i of s.active) {
        let list = this.byAnnotation.get(i);
        if (!list) this.byAnnotation.set(i, (list = []));
        list.push(el);
      }
      pos = b;
    }
    if (pos < end) add(doc.createTextNode(text.slice(pos - start)));
    // The last segment may continue into the next piece: revisit it there.
    this.seg = Math.max(this.seg, k - 1);
    if (!node.parentNode) return;
    node.parentNode.replaceChild(frag, node);
    this.records.push({ original: node, inserted });
  }

  /** Wrapper elements of annotation `index`, in text order. */
  elementsOf(index) {
    return this.byAnnotation.get(index) || [];
  }

  /** Annotation indexes covering a wrapper element (from its data-lede). */
  static indexesOf(el) {
    const v = el && el.dataset && el.dataset.lede;
    return v ? v.split(' ').map(Number) : [];
  }

  /** Restores the original Text nodes; the DOM is as before the highlighter ran. */
  remove() {
    for (let r = this.records.length - 1; r >= 0; r--) {
      const { original, inserted } = this.records[r];
      const first = inserted.find((n) => n.parentNode);
      if (first) first.parentNode.insertBefore(original, first);
      for (const n of inserted) if (n.parentNode) n.parentNode.removeChild(n);
    }
    this.records = [];
    this.byAnnotation.clear();
    this.badged.clear();
    this.next = 0;
    this.seg = 0;
  }
}

/**
 * Splits `text` into paragraphs (at blank lines) and single-line breaks, and
 * appends them to `container` as <p> elements holding Text nodes. Returns the
 * pieces for a Highlighter. Offsets are exact: every Text node is a slice of
 * `text` and records where it starts.
 */
export function renderPlainText(container, text, doc = container.ownerDocument, { blockChars = 0 } = {}) {
  const pieces = [];
  // Long texts: paragraphs go in blocks of about `blockChars` characters
  // (div.lede-block), so that CSS can skip whole off-screen blocks
  // (content-visibility) and the page can attach them a few at a time.
  let block = container;
  let inBlock = 0;
  const re = /\n[ \t]*\n\s*/g;  // paragraph breaks
  let from = 0;
  const addPara = (start, end) => {
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    if (end <= start) return;
    const p = doc.createElement('p');
    p.className = 'lede-para';
    // Line breaks inside a paragraph become <br>; each line is its own Text node.
    let s = start;
    while (s < end) {
      const nl = text.indexOf('\n', s);
      const e = nl === -1 || nl >= end ? end : nl;
      if (e > s) {
        const node = doc.createTextNode(text.slice(s, e));
        p.appendChild(node);
        pieces.push({ node, start: s });
      }
      if (e < end) p.appendChild(doc.createElement('br'));
      s = e + 1;
    }
    if (blockChars) {
      if (block === container || inBlock >= blockChars) {
        block = doc.createElement('div');
        block.className = 'lede-block';
        container.appendChild(block);
        inBlock = 0;
      }
      inBlock += end - start;
    }
    block.appendChild(p);
  };
  let m;
  while ((m = re.exec(text))) {
    addPara(from, m.index);
    from = m.index + m[0].length;
  }
  addPara(from, text.length);
  return pieces;
}
