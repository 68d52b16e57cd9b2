// lede content script: finds the article text on the live page, and maps the
// analysis (UTF-16 offsets into that text) back onto the page's text nodes.
//
// Injected on demand (toolbar button / context menu, activeTab) by
// background.js, after vendor/readability.js, into the extension's isolated
// world. Runs no analysis itself: the page's CSP governs this world too, so the
// wasm core runs in the service worker and the text travels by message.
//
// Contract:
//   __lede.extract({selection}) -> {title, url, text, chars} | {error}
//       Builds the analysed text from the live page: the text nodes that
//       Readability kept (found on a clone of the document, so the live page is
//       not touched), or those of the current selection. Whitespace collapses
//       as CSS renders it; block boundaries become "\n\n", <br> "\n". Every
//       character remembers its (text node, offset).
//   __lede.highlight(analysis) -> {marks, entities, quotes, claims}
//       Wraps claims, quotes and entity mentions (outermost first) in
//       <lede-mark> elements, one per text-node piece, splitting text nodes
//       where a span starts or ends. Article strings go into attributes and
//       text only, never into markup.
//   __lede.clear() -> {removed}
//       Unwraps every element it added and rejoins the text nodes it split,
//       restoring the original node objects and data: innerHTML is as before.
//   message {type: 'lede:focus', id, n} scrolls to the n-th piece of an item.
(() => {
  'use strict';
  if (globalThis.__lede) return;

  const BLOCK = new Set([
    'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
    'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5',
    'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
    'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  ]);
  const SKIP = new Set([
    'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT',
    'SVG', 'svg', 'MATH', 'math', 'CANVAS', 'LEDE-MARK',
  ]);
  const isSpace = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

  // The mapping of the last extracted text: text[i] came from nodes[nodeIdx[i]]
  // at offset nodeOff[i]; nodeIdx[i] == -1 for inserted separators.
  let mapping = null;
  // What highlight() changed: wrappers (in creation order) and, per split text
  // node, its original data and current pieces.
  let touched = null;

  // Text nodes of the live document that Readability keeps as the article.
  function articleNodes() {
    const clone = document.cloneNode(true);
    const cloneToLive = new Map();
    const wl = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    const wc = clone.createTreeWalker(clone, NodeFilter.SHOW_ALL);
    for (let a = wl.nextNode(), b = wc.nextNode(); a && b; a = wl.nextNode(), b = wc.nextNode()) {
      if (b.nodeType === Node.TEXT_NODE) cloneToLive.set(b, a);
    }
    let article = null;
    try {
      // eslint-disable-next-line no-undef
      article = new Readability(clone, {serializer: (el) => el}).parse();
    } catch (e) {
      article = null;
    }
    const keep = new Set();
    if (article && article.content) {
      const w = clone.createTreeWalker(article.content, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) {
        const live = cloneToLive.get(t);
        if (live && live.isConnected && live.data === t.data) keep.add(live);
      }
    }
    return {title: (article && article.title) || document.title, keep};
  }

  // Builds the analysed text by walking the live DOM under root, taking the
  // text of nodes for which part(node) gives [from, to).
  function buildText(root, part) {
    const out = [];
    const nodes = [];
    const idx = [];
    const off = [];
    let pending = 0;  // 0 none, 1 line break, 2 paragraph break
    let space = true;  // last emitted char is whitespace (or nothing yet)
    const emit = (s, ni, o) => {
      out.push(s);
      idx.push(ni);
      off.push(o);
    };
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const r = part(node);
        if (!r) return;
        const data = node.data;
        let ni = -1;
        for (let i = r[0]; i < r[1]; i++) {
          const c = data.charCodeAt(i);
          if (isSpace(c)) {
            if (space || pending) continue;
            if (ni < 0) ni = nodes.push(node) - 1;
            emit(' ', ni, i);
            space = true;
            continue;
          }
          if (pending && out.length) {
            while (out.length && out[out.length - 1] === ' ') {
              out.pop();
              idx.pop();
              off.pop();
            }
            if (pending === 2) emit('\n', -1, 0);
            emit('\n', -1, 0);
          }
          pending = 0;
          if (ni < 0) ni = nodes.push(node) - 1;
          emit(data[i], ni, i);
          space = false;
        }
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_NODE) return;
      const tag = node.tagName;
      if (tag && SKIP.has(tag)) return;
      if (tag === 'BR') {
        if (out.length) pending = Math.max(pending, 1);
        return;
      }
      const block = tag && BLOCK.has(tag);
      if (block && out.length) pending = 2;
      for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
      if (block && out.length) pending = 2;
    };
    visit(root);
    while (out.length && out[out.length - 1] === ' ') {
      out.pop();
      idx.pop();
      off.pop();
    }
    return {text: out.join(''), nodes, nodeIdx: Int32Array.from(idx), nodeOff: Int32Array.from(off)};
  }

  function commonAncestor(nodes) {
    let anc = null;
    for (const n of nodes) {
      if (!anc) {
        anc = n.parentNode;
        continue;
      }
      while (anc && !anc.contains(n)) anc = anc.parentNode;
    }
    return anc || document.body;
  }

  // A (text node, offset) inside a piece we split, as a point in the original node.
  function originalPoint(node, offset) {
    if (node.nodeType !== Node.TEXT_NODE) {
      // Element boundary (child index): the same point in terms of a text node.
      const kids = node.childNodes;
      if (offset < kids.length) {
        const w = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT);
        w.currentNode = kids[offset];
        const t = kids[offset].nodeType === Node.TEXT_NODE ? kids[offset] : w.nextNode();
        if (!t) return [node, offset];
        node = t;
        offset = 0;
      } else {
        const w = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        let last = null;
        for (let t = w.nextNode(); t; t = w.nextNode()) last = t;
        if (!last) return [node, offset];
        node = last;
        offset = last.data.length;
      }
    }
    if (!touched) return [node, offset];
    for (const [orig, rec] of touched.texts) {
      const p = rec.pieces.find((x) => x.node === node);
      if (p) return [orig, p.start + offset];
    }
    return [node, offset];
  }

  function selectedRange() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    if (!touched) return r;
    // Highlights are on: note the selection in original nodes, restore the page, select again.
    const start = originalPoint(r.startContainer, r.startOffset);
    const end = originalPoint(r.endContainer, r.endOffset);
    clear();
    const range = document.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    sel.removeAllRanges();
    sel.addRange(range);
    return range;
  }

  function extract(opts = {}) {
    let title = document.title;
    let built;
    if (opts.selection) {
      const range = selectedRange();
      if (!range) return {error: 'Select some text first.'};
      const root = range.commonAncestorContainer;
      built = buildText(root, (t) => {
        if (!range.intersectsNode(t)) return null;
        const from = t === range.startContainer ? range.startOffset : 0;
        const to = t === range.endContainer ? range.endOffset : t.data.length;
        return [from, to];
      });
    } else {
      if (touched) clear();
      const found = articleNodes();
      title = found.title;
      if (found.keep.size === 0) {
        // Readability found no article: fall back to the visible body text.
        built = buildText(document.body, (t) => [0, t.data.length]);
      } else {
        built = buildText(commonAncestor(found.keep), (t) => (found.keep.has(t) ? [0, t.data.length] : null));
      }
    }
    if (!built.text) return {error: 'No article text found on this page.'};
    mapping = built;
    return {title, url: location.href, text: built.text, chars: built.text.length};
  }

  // Per-node ranges [{node, a, b}] covering text[start, end).
  function nodeRanges(start, end) {
    const res = [];
    if (!mapping) return res;
    const {nodes, nodeIdx, nodeOff} = mapping;
    let cur = null;
    end = Math.min(end, nodeIdx.length);
    for (let i = Math.max(0, start); i < end; i++) {
      const ni = nodeIdx[i];
      if (ni < 0) continue;
      const o = nodeOff[i];
      if (cur && cur.ni === ni && o >= cur.b) {
        cur.b = o + 1;
      } else {
        cur = {ni, node: nodes[ni], a: o, b: o + 1};
        res.push(cur);
      }
    }
    return res;
  }

  function record(node) {
    let rec = touched.texts.get(node);
    if (!rec) {
      rec = {data: node.data, pieces: [{node, start: 0}]};
      touched.texts.set(node, rec);
    }
    return rec;
  }

  function splitAt(rec, pos) {
    if (pos <= 0 || pos >= rec.data.length) return;
    let i = rec.pieces.length - 1;
    while (i > 0 && rec.pieces[i].start > pos) i--;
    const p = rec.pieces[i];
    if (p.start === pos) return;
    const rest = p.node.splitText(pos - p.start);
    rec.pieces.splice(i + 1, 0, {node: rest, start: pos});
  }

  // Wraps text[start, end) in one <lede-mark> per text-node piece; returns
  // the marks in text order.
  function wrapSpan(start, end, attrs) {
    const marks = [];
    for (const r of nodeRanges(start, end)) {
      if (!r.node.isConnected || !r.node.parentNode) continue;
      const rec = record(r.node);
      if (rec.data !== r.node.data && rec.pieces.length === 1) continue;  // page changed it
      splitAt(rec, r.a);
      splitAt(rec, r.b);
      for (const p of rec.pieces) {
        if (p.start < r.a || p.start >= r.b || !p.node.data) continue;
        const el = document.createElement('lede-mark');
        for (const k in attrs) if (attrs[k] != null) el.setAttribute(k, String(attrs[k]));
        p.node.parentNode.insertBefore(el, p.node);
        el.appendChild(p.node);
        touched.wrappers.push(el);
        marks.push(el);
      }
    }
    return marks;
  }

  function speakerLabel(q) {
    const s = q.speaker;
    if (!s) return 'unattributed';
    if (s.name) return s.name;
    if (s.anonymous) return s.descriptor ? `anonymous: ${s.descriptor}` : 'anonymous';
    return s.text || 'unattributed';
  }

  function highlight(analysis) {
    if (touched) clear();
    touched = {wrappers: [], texts: new Map()};
    const counts = {marks: 0, entities: 0, quotes: 0, claims: 0, checks: 0};
    if (!mapping || !analysis) return counts;
    for (const c of analysis.claims || []) {
      const m = wrapSpan(c.start, c.end, {
        'data-lede-kind': 'claim', 'data-lede-id': c.id,
        'data-lede-score': typeof c.score === 'number' ? c.score.toFixed(2) : null,
        'title': `Claim (${(c.types || []).join(', ') || 'check-worthy'})`,
      });
      if (m.length) counts.claims++;
    }
    for (const q of analysis.quotes || []) {
      const label = speakerLabel(q);
      const m = wrapSpan(q.start, q.end, {
        'data-lede-kind': 'quote', 'data-lede-id': q.id, 'data-lede-quote-kind': q.kind,
        'data-lede-anonymous': q.speaker && q.speaker.anonymous ? 'true' : null,
        'title': `${label} (${q.kind} quote)`,
      });
      if (m.length) {
        m[0].setAttribute('data-lede-speaker', label);
        counts.quotes++;
      }
    }
    (analysis.checks || []).forEach((k, i) => {
      let any = false;
      (k.spans || []).forEach((sp, j) => {
        const m = wrapSpan(sp.start, sp.end, {
          'data-lede-kind': 'check', 'data-lede-id': k.id || `K${i + 1}`, 'data-lede-verdict': k.verdict,
          'data-lede-mention': j, 'title': `${k.kind}: ${k.verdict}${k.message ? ' - ' + k.message : ''}`,
        });
        if (m.length) any = true;
      });
      if (any) counts.checks++;
    });
    for (const e of analysis.entities || []) {
      const tip = e.roles && e.roles.length ? `${e.name} - ${e.roles.join('; ')}` : `${e.name} (${e.type})`;
      let any = false;
      (e.mentions || []).forEach((mn, i) => {
        const m = wrapSpan(mn.start, mn.end, {
          'data-lede-kind': 'entity', 'data-lede-id': e.id, 'data-lede-type': e.type,
          'data-lede-mention': i, 'title': tip,
        });
        if (m.length) any = true;
      });
      if (any) counts.entities++;
    }
    counts.marks = touched.wrappers.length;
    return counts;
  }

  function clear() {
    if (!touched) return {removed: 0};
    const {wrappers, texts} = touched;
    touched = null;
    for (let i = wrappers.length - 1; i >= 0; i--) {
      const el = wrappers[i];
      const parent = el.parentNode;
      if (!parent) continue;
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
    }
    for (const [node, rec] of texts) {
      if (rec.pieces.length < 2) continue;
      for (let i = 1; i < rec.pieces.length; i++) rec.pieces[i].node.remove();
      node.data = rec.data;
    }
    return {removed: wrappers.length};
  }

  function focus(id, n) {
    const sel = `lede-mark[data-lede-id="${CSS.escape(String(id))}"]`;
    const all = [...document.querySelectorAll(sel)];
    if (!all.length) return {ok: false, count: 0};
    // One target per item occurrence: the first piece of each mention/span.
    const firsts = all.filter((el, i) => i === 0 ||
      all[i - 1].getAttribute('data-lede-mention') !== el.getAttribute('data-lede-mention'));
    const target = firsts[((n | 0) % firsts.length + firsts.length) % firsts.length];
    for (const el of document.querySelectorAll('lede-mark[data-lede-focus]')) el.removeAttribute('data-lede-focus');
    for (const el of all) {
      if (el === target || (el.getAttribute('data-lede-mention') === target.getAttribute('data-lede-mention'))) {
        el.setAttribute('data-lede-focus', '');
      }
    }
    target.scrollIntoView({block: 'center', behavior: 'instant'});
    return {ok: true, count: firsts.length};
  }

  globalThis.__lede = {extract, highlight, clear, focus, isOn: () => !!touched};

  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (!msg || msg.type !== 'lede:focus') return false;
    reply(focus(msg.id, msg.n));
    return false;
  });
})();
