// lede.js: the typed JS face of the wasm module (an ES module). Every front
// end (page, worker, extension, node tests) calls the core through this file.
//
//   import {createLede} from './lede.js';
//   const lede = await createLede();            // browser: fetches lede.wasm beside it
//   const lede = await createLede({wasmBinary}); // node: pass the bytes of lede.wasm
//   const result = lede.analyze(text, {offsets: 'utf16'});
//   result.entities, result.quotes, result.claims ...
//
// Errors (bad options, input over maxBytes, out of memory, a crashed module)
// are thrown as Error with the core's message. Types: lede.d.ts.
//
// Memory: the module's memory may grow to `maxMemory` bytes (default 1 GiB,
// the most wasm.cmake lets it have). A call that needs more fails with an
// Error saying so; so does a call that crashes the module. Either way the
// instance is thrown away and the next call runs in a fresh one, instantiated
// from the WebAssembly.Module compiled once in createLede (a few ms; the
// model's first-use set-up is paid again). Where a synchronous instantiation
// is refused (a browser's main thread may refuse it for large modules), the
// new instance is made asynchronously and calls fail with "restarting" until
// it is ready.
import createLedeModule from './lede-module.js';

const PAGE = 65536;
/** The default and largest memory cap: LEDE_WASM_MAX_MEMORY in wasm/wasm.cmake. */
export const MAX_MEMORY = 1024 * 1024 * 1024;
/** The default input limit, as kWasmMaxBytes in wasm/bindings.cc. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
// The core refuses more than 1 GiB whatever maxBytes says (spans are 32-bit).
const CORE_MAX_BYTES = 1024 * 1024 * 1024;

// A string with every lone surrogate replaced by U+FFFD, as TextEncoder and
// String.prototype.toWellFormed do. (The wrapper encodes strings with
// TextEncoder, which does this itself; kept for callers that need the
// well-formed string, e.g. to slice it with UTF-16 offsets.)
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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The input limit a call will apply: options.maxBytes when it is valid (the
// core reports invalid ones), else the default; never over 1 GiB.
function limitOf(options) {
  const n = options?.maxBytes;
  const limit = typeof n === 'number' && n >= 1 && Number.isInteger(n) ? n : DEFAULT_MAX_BYTES;
  return Math.min(limit, CORE_MAX_BYTES);
}

// The UTF-8 length of `s` (lone surrogates count as U+FFFD, 3 bytes).
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length &&
             (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function overLimit(bytes, limit, what) {
  const prefix = what === 'text' ? '' : `article ${what}: `;
  return new Error(`${prefix}input is ${bytes} bytes, over the limit of ${limit} bytes`);
}

// `text` as UTF-8 bytes, refused (with the core's message) when over `limit`
// before anything is copied into the module. A string is encoded with
// TextEncoder, which replaces lone surrogates with U+FFFD (so UTF-16 offsets
// stay exact) and is much faster than Embind's own string conversion.
function toBytes(text, limit, what) {
  let bytes;
  if (typeof text === 'string') {
    // Every UTF-16 unit is at least one UTF-8 byte: no need to encode to know.
    if (text.length > limit) throw overLimit(utf8Length(text), limit, what);
    bytes = encoder.encode(text);
  } else if (text instanceof Uint8Array) {
    bytes = text;
  } else if (text instanceof ArrayBuffer) {
    bytes = new Uint8Array(text);
  } else if (ArrayBuffer.isView(text)) {
    bytes = new Uint8Array(text.buffer, text.byteOffset, text.byteLength);
  } else {
    throw new TypeError(`lede: ${what} must be a string or UTF-8 bytes (Uint8Array)`);
  }
  if (bytes.length > limit) throw overLimit(bytes.length, limit, what);
  return bytes;
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

const mib = (n) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;

// The compiled module: wasmModule (or what its promise gives, unless null),
// else from wasmBinary, else fetched (streaming when the server sends
// application/wasm) from locateFile('lede.wasm') or beside this file.
async function compile(wasmBinary, locateFile, wasmModule) {
  if (wasmModule) {
    const m = await wasmModule;
    if (m instanceof WebAssembly.Module) return m;
  }
  if (wasmBinary) return WebAssembly.compile(wasmBinary);
  const prefix = new URL('./', import.meta.url).href;
  const url = locateFile ? locateFile('lede.wasm', prefix) : new URL('lede.wasm', prefix).href;
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(url, {credentials: 'same-origin'}));
    } catch {
      // e.g. served without Content-Type application/wasm: compile the bytes below.
    }
  }
  const response = await fetch(url, {credentials: 'same-origin'});
  if (!response.ok) throw new Error(`lede: could not fetch ${url} (HTTP ${response.status})`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Loads the wasm module. Options:
 *   wasmBinary: the bytes of lede.wasm (ArrayBuffer/Uint8Array); needed in node.
 *   locateFile(path, prefix): where to fetch `path` ('lede.wasm') from.
 *   wasmModule: lede.wasm already compiled (a WebAssembly.Module, or a promise
 *     of one; a promise that gives null falls back to the above), so that a
 *     caller can start fetching and compiling it before this file has loaded
 *     (wasm/worker.js does).
 *   maxMemory: the most memory (bytes) the module may grow to; default and
 *     at most MAX_MEMORY (1 GiB).
 */
export async function createLede({wasmBinary, wasmModule, locateFile, maxMemory = MAX_MEMORY} = {}) {
  if (!(typeof maxMemory === 'number' && maxMemory > 0)) {
    throw new RangeError('lede: maxMemory must be a positive number of bytes');
  }
  const cap = Math.min(maxMemory, MAX_MEMORY);
  const compiled = await compile(wasmBinary, locateFile, wasmModule);

  // Set when the module asked for memory past the cap: the allocation failed,
  // so whatever the call returns (if anything) cannot be trusted.
  let refused = false;

  // Caps the instance's memory: growing past `cap` throws, as a memory with
  // that maximum would (Emscripten's heap resize then fails and malloc
  // returns null). Emscripten grows only through this JS method.
  function capMemory(instance) {
    const memory = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory);
    if (!memory) return;
    if (memory.buffer.byteLength > cap) {
      throw new RangeError(`lede: maxMemory (${cap} bytes) is below the module's initial memory ` +
                           `(${memory.buffer.byteLength} bytes)`);
    }
    const grow = memory.grow;
    Object.defineProperty(memory, 'grow', {
      configurable: true,
      value(pages) {
        if (memory.buffer.byteLength + pages * PAGE > cap) {
          refused = true;
          throw new RangeError(`lede: memory capped at ${cap} bytes`);
        }
        return grow.call(memory, pages);
      },
    });
  }

  function moduleArgs() {
    return {
      // "Aborted(...)" is reported by the Error the call throws.
      printErr: (line) => {
        if (!String(line).startsWith('Aborted(')) console.warn(`lede: ${line}`);
      },
    };
  }

  function instantiateAsync() {
    const args = moduleArgs();
    let fail;
    const failed = new Promise((_, reject) => {
      fail = reject;
    });
    args.instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(compiled, imports).then((instance) => {
        capMemory(instance);
        receive(instance, compiled);
      }).catch(fail);
      return {};
    };
    return Promise.race([createLedeModule(args), failed]);
  }

  // A new instance, ready when this returns: Emscripten runs its start-up
  // synchronously when instantiateWasm hands it the instance at once.
  function instantiateSync() {
    const args = moduleArgs();
    let error = null;
    args.instantiateWasm = (imports, receive) => {
      try {
        const instance = new WebAssembly.Instance(compiled, imports);
        capMemory(instance);
        receive(instance, compiled);
        return instance.exports;
      } catch (err) {
        error = err;
        throw err;
      }
    };
    createLedeModule(args).catch(() => {});  // failures are reported below
    if (error) throw error;
    if (!args.calledRun || typeof args.analyzeInput !== 'function') {
      throw new Error('lede: the wasm module did not start');
    }
    return args;
  }

  let current = await instantiateAsync();
  let restarting = null;
  const version = current.version();

  function instance() {
    if (current) return current;
    if (restarting) throw new Error('lede: the wasm module is restarting after a failure; try again');
    try {
      current = instantiateSync();
      return current;
    } catch (err) {
      restarting = instantiateAsync().then(
          (m) => {
            current = m;
            restarting = null;
          },
          () => {
            restarting = null;  // the next call tries again
          });
      throw new Error(`lede: the wasm module is restarting after a failure; try again (${err?.message ?? err})`);
    }
  }

  // Runs fn(module), which returns the JSON (see result). A crash or a
  // refused allocation drops the instance: the next call gets a new one.
  function call(fn, inputBytes) {
    const m = instance();
    refused = false;
    let json;
    let crash = null;
    try {
      json = fn(m);
    } catch (err) {
      crash = err;
    }
    if (!refused && crash === null) return json;
    current = null;
    if (refused) {
      throw new Error(`lede: out of memory: analysing ${inputBytes} bytes needed more than the ` +
                      `${mib(cap)} the module may use (maxMemory); the module was restarted for the next call`);
    }
    const what = crash instanceof Error ? crash.message : `C++ exception ${String(crash)}`;
    throw new Error(`lede: the wasm module crashed (${what}); it was restarted for the next call`);
  }

  // The JSON that run(onChunk) streams out (bindings.cc: analyzeInput,
  // compareInput), as a string. Each piece is a view valid only during the
  // callback: decoded at once, a character split between pieces carried over.
  function streamed(run) {
    const pieces = [];
    const utf8 = new TextDecoder();
    run((view) => {
      pieces.push(utf8.decode(view, {stream: true}));
    });
    pieces.push(utf8.decode());
    return pieces.join('');
  }

  // Copies UTF-8 bytes into the buffer the module's function `buffer`
  // ('inputBuffer', 'inputBufferB') gives for them.
  function copyIn(m, bytes, buffer) {
    const at = m[buffer](bytes.length);
    m.HEAPU8.set(bytes, at);  // HEAPU8: the view after any growth
  }

  // The JSON a call left in the module's memory (a view), as a string.
  function result(m, view) {
    if (refused) return undefined;
    const json = decoder.decode(view);
    m.releaseResult();
    return json;
  }

  return {
    version,
    /** The analysis as a schema-1 JSON string (exactly what `lede analyze` prints). */
    analyzeJson(text, options) {
      const input = toBytes(text, limitOf(options), 'text');
      const opts = optionsJson(options);
      return checked(call((m) => {
        // The bytes go straight into a buffer in the module (bindings.cc).
        copyIn(m, input, 'inputBuffer');
        return streamed((onChunk) => m.analyzeInput(opts, onChunk));
      }, input.length));
    },
    /** The analysis as an object (see lede.d.ts). */
    analyze(text, options) {
      return JSON.parse(this.analyzeJson(text, options));
    },
    /** The comparison as a JSON string (what `lede compare` prints). */
    compareJson(a, b, options) {
      const limit = limitOf(options);
      const inputA = toBytes(a, limit, 'a');
      const inputB = toBytes(b, limit, 'b');
      const opts = optionsJson(options);
      return checked(call((m) => {
        copyIn(m, inputA, 'inputBuffer');
        copyIn(m, inputB, 'inputBufferB');
        return streamed((onChunk) => m.compareInput(opts, onChunk));
      }, inputA.length + inputB.length));
    },
    /** What two articles share and where their figures disagree. */
    compare(a, b, options) {
      return JSON.parse(this.compareJson(a, b, options));
    },
    /**
     * Benchmark helper: seconds spent in each stage of one analysis of `text`
     * (default options), as `lede bench` reports per stage: [[stage, s], ...].
     */
    stageTimes(text) {
      const input = toBytes(text, DEFAULT_MAX_BYTES, 'text');
      return JSON.parse(checked(call((m) => result(m, m.stageTimes(input)), input.length)));
    },
    /**
     * Benchmark helper: the heap after each phase of one analysis of `text`
     * (scripts/wasm-memory.mjs): [[phase, heapTop, bytesInUse], ...] for the
     * input copied in, each stage, and the JSON held for JS.
     */
    stageMemory(text, options) {
      const input = toBytes(text, limitOf(options), 'text');
      const opts = optionsJson(options);
      return JSON.parse(checked(call((m) => {
        const at = m.inputBuffer(input.length);
        m.HEAPU8.set(input, at);
        return result(m, m.stageMemory(opts));
      }, input.length)));
    },
    /**
     * The size of the module's memory now, in bytes: the most it has needed
     * so far (a wasm memory never shrinks), up to maxMemory. 0 while the
     * module is restarting.
     */
    memoryBytes() {
      return current ? current.HEAPU8.buffer.byteLength : 0;
    },
  };
}
