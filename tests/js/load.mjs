// Loads the wasm module for node tests: LEDE_WASM_DIR, or the wasm-release
// build's gen/ folder (cmake --preset wasm-release && cmake --build --preset wasm-release).
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = resolve(process.env.LEDE_WASM_DIR ?? join(root, 'build/wasm-release/gen'));

export async function loadLede() {
  const wasmPath = join(wasmDir, 'lede.wasm');
  if (!existsSync(wasmPath)) {
    throw new Error(`${wasmPath} is missing: build the wasm-release preset first (scripts/test.sh does)`);
  }
  const {createLede} = await importWrapper();
  return createLede({wasmBinary: readFileSync(wasmPath)});
}

// The JS wrapper (lede.js) as built beside the module.
export function importWrapper() {
  return import(pathToFileURL(join(wasmDir, 'lede.js')).href);
}

// Every {start, end, text} object in a result, with where it was found.
export function textSpans(value, path = '$', out = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => textSpans(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    if (typeof value.start === 'number' && typeof value.end === 'number' &&
        typeof value.text === 'string') {
      out.push({path, ...value});
    }
    for (const [k, v] of Object.entries(value)) textSpans(v, `${path}.${k}`, out);
  }
  return out;
}

// The slice [start, end) of the decoded text `s`, counting in `unit`.
export function slice(s, start, end, unit) {
  if (unit === 'utf16') return s.slice(start, end);
  if (unit === 'codepoint') return [...s].slice(start, end).join('');
  if (unit === 'utf8') return Buffer.from(s, 'utf8').subarray(start, end).toString('utf8');
  throw new Error(`unknown unit ${unit}`);
}
