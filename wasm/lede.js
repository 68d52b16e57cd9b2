// lede.js: the typed JS face of the wasm module (an ES module). Every front
// end (page, worker, extension, node tests) calls the core through this file.
//
//   import {createLede} from './lede.js';
//   const lede = await createLede();            // browser: fetches lede.wasm beside it
//   const lede = await createLede({wasmBinary}); // node: pass the bytes of lede.wasm
//   const result = lede.analyze(text, {offsets: 'utf16'});
//   result.entities, result.quotes, result.claims ...
//
// Errors (bad options, input over maxBytes, a crashed module) are thrown as
// Error with the core's message. Types: lede.d.ts.
import createLedeModule from './lede-module.js';

// A string with every lone surrogate replaced by U+FFFD, as TextEncoder and
// String.prototype.toWellFormed do. Embind would otherwise encode a lone
// surrogate into bytes that are not UTF-8, and UTF-16 offsets would drift.
export function toWellFormed(s) {
  if (typeof s.toWellFormed === 'function') return s.toWellFormed();
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    out += s.slice(from, i) + '\uFFFD';
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

function toInput(text, what) {
  if (typeof text === 'string') return toWellFormed(text);
  if (text instanceof Uint8Array) return text;
  if (text instanceof ArrayBuffer) return new Uint8Array(text);
  if (ArrayBuffer.isView(text)) return new Uint8Array(text.buffer, text.byteOffset, text.byteLength);
  throw new TypeError(`lede: ${what} must be a string or UTF-8 bytes (Uint8Array)`);
}

function optionsJson(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object') throw new TypeError('lede: options must be an object');
  return JSON.stringify(options);
}

// Throws when `json` is an {"error": ...} object; returns it unchanged otherwise.
function checked(json) {
  if (json.startsWith('{"error":')) throw new Error(JSON.parse(json).error);
  return json;
}

/**
 * Loads the wasm module. Options:
 *   wasmBinary: the bytes of lede.wasm (ArrayBuffer/Uint8Array); needed in node.
 *   locateFile(path, prefix): where to fetch `path` ('lede.wasm') from.
 */
export async function createLede({wasmBinary, locateFile} = {}) {
  let aborted = null;
  const args = {
    onAbort: (what) => {
      aborted = String(what);
    },
    printErr: (line) => console.warn(`lede: ${line}`),
  };
  if (wasmBinary) args.wasmBinary = wasmBinary;
  if (locateFile) args.locateFile = locateFile;
  const module = await createLedeModule(args);

  // Runs a call into the module; a crash inside it (out of memory, a bug)
  // becomes an Error, and the instance refuses further calls.
  function call(fn) {
    if (aborted !== null) {
      throw new Error(`lede: the wasm module stopped earlier (${aborted}); create a new one`);
    }
    try {
      return fn();
    } catch (err) {
      if (err instanceof Error && !(err instanceof WebAssembly.RuntimeError)) throw err;
      aborted = aborted ?? String(err?.message ?? err);
      throw new Error(`lede: the wasm module stopped: ${aborted}`);
    }
  }

  const version = module.version();
  return {
    version,
    /** The analysis as a schema-1 JSON string (exactly what `lede analyze` prints). */
    analyzeJson(text, options) {
      const input = toInput(text, 'text');
      const opts = optionsJson(options);
      return checked(call(() => module.analyze(input, opts)));
    },
    /** The analysis as an object (see lede.d.ts). */
    analyze(text, options) {
      return JSON.parse(this.analyzeJson(text, options));
    },
    /** What two articles share and where their figures disagree. */
    compare(a, b, options) {
      const inputA = toInput(a, 'a');
      const inputB = toInput(b, 'b');
      const opts = optionsJson(options);
      return JSON.parse(checked(call(() => module.compare(inputA, inputB, opts))));
    },
  };
}
