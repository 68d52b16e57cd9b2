// HTML file -> article text, with the browser's DOMParser (an inert
// document: its scripts never run and its images never load). A simple
// extraction, not Readability: drop scripts, styles, navigation, headers,
// footers, asides, forms and figures; take the <article> (or <main>, or the
// body) and join its leaf text blocks (headings, paragraphs, list items,
// quotes) with blank lines. Good for saved news pages; the extension uses
// @mozilla/readability on live pages.
const DROP = 'script,style,noscript,template,iframe,object,embed,svg,canvas,nav,header,footer,aside,form,button,select,textarea,figure,[hidden],[aria-hidden="true"]';
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,dt,dd,td,th';

const clean = (s) => s.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();

/** Whether `text` looks like an HTML document rather than plain text. */
export function looksLikeHtml(name, type, text) {
  if (/\.html?$/i.test(name || '') || /html/i.test(type || '')) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 500));
}

// A start tag with its attributes (quoted values may hold '>').
const TAG = /<[a-zA-Z][^\s/>]*(?:\s*\/?\s*[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*\s*\/?>/g;

/**
 * Renames on* event-handler attributes before parsing. Parsing is inert
 * anyway (and the page's CSP blocks inline handlers), but Chromium reports
 * every inline handler it parses as a CSP violation on the console; the
 * extraction never needs them. Best effort: nothing depends on it for safety.
 */
function defuse(html) {
  return html.replace(TAG, (tag) => tag.replace(/([\s/"'])on([a-z])/gi, '$1data-lede-on$2'));
}

/** The article text of an HTML document (paragraphs separated by blank lines). */
export function htmlToText(html, Parser = globalThis.DOMParser) {
  const doc = new Parser().parseFromString(defuse(html), 'text/html');
  const headline = doc.querySelector('h1');
  const headlineText = headline ? clean(headline.textContent) : '';
  for (const el of doc.querySelectorAll(DROP)) el.remove();
  const candidates = [...doc.querySelectorAll('article, main, [role="main"]')];
  let root = doc.body || doc.documentElement;
  let best = 0;
  for (const c of candidates) {
    const n = [...c.querySelectorAll('p')].reduce((s, p) => s + p.textContent.length, 0);
    if (n > best) {
      best = n;
      root = c;
    }
  }
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
  let parts = blocks.map((b) => clean(b.textContent)).filter(Boolean);
  if (parts.length === 0) parts = [clean(root.textContent || '')].filter(Boolean);
  if (headlineText && !parts.includes(headlineText)) parts.unshift(headlineText);
  if (parts.length === 0 && doc.title) parts = [clean(doc.title)];
  return parts.join('\n\n');
}
