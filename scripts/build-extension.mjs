#!/usr/bin/env node
// Assembles the Manifest V3 extension into web/extension/dist/ (loadable
// unpacked) and web/extension/lede-extension.zip (for the store), both gitignored.
//
//   node scripts/build-extension.mjs [--gen DIR] [--out DIR] [--zip FILE]
//
// Inputs:
//   web/extension/manifest.json, web/extension/src/*   the extension's own files
//   web/app/gen/ (or --gen / $LEDE_GEN_DIR)             the wasm build: lede.js (wrapper),
//                                                       lede-module.js, lede.wasm
//   web/shared/ or web/app/shared/                      panel rendering shared with the page
//   node_modules/@mozilla/readability                   bundled as vendor/readability.js
// The zip is written by the small writer below (store + deflate, fixed
// timestamps, so the same inputs give the same bytes).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const extDir = path.join(root, 'web/extension');
const out = path.resolve(opt('--out', path.join(extDir, 'dist')));
const zipPath = path.resolve(opt('--zip', path.join(extDir, 'lede-extension.zip')));
const gen = path.resolve(opt('--gen', process.env.LEDE_GEN_DIR || path.join(root, 'web/app/gen')));

function fail(msg) {
  console.error(`build-extension: ${msg}`);
  process.exit(1);
}

function copy(from, to) {
  if (!fs.existsSync(from)) fail(`missing ${path.relative(root, from)}`);
  fs.mkdirSync(path.dirname(to), {recursive: true});
  fs.copyFileSync(from, to);
}

// --- the manifest: least privilege, checked here so a loosening fails the build
const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
const allowed = new Set(['activeTab', 'scripting', 'storage', 'sidePanel', 'contextMenus']);
for (const p of manifest.permissions || []) if (!allowed.has(p)) fail(`permission not allowed: ${p}`);
if (manifest.host_permissions || manifest.optional_host_permissions || manifest.content_scripts) {
  fail('no host permissions or declared content scripts: the extension works through activeTab');
}
const csp = manifest.content_security_policy && manifest.content_security_policy.extension_pages;
if (csp !== "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'") fail(`unexpected CSP: ${csp}`);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
if (pkg.version && /^\d+(\.\d+){0,3}$/.test(pkg.version)) manifest.version = pkg.version;

fs.rmSync(out, {recursive: true, force: true});
fs.mkdirSync(out, {recursive: true});
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

// --- the extension's own files
const src = path.join(extDir, 'src');
for (const f of fs.readdirSync(src)) copy(path.join(src, f), path.join(out, f));

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// --- icons, drawn here (no binary files in the repo): a blue tile with lines
// of text, one of them highlighted.
function png(size, draw) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const ss = 4;  // supersampling per axis
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const c = draw((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (!c) continue;
          acc[0] += c[0] * c[3]; acc[1] += c[1] * c[3]; acc[2] += c[2] * c[3]; acc[3] += c[3];
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (ss * ss);
      raw[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;  // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, {level: 9})), chunk('IEND', Buffer.alloc(0))]);
}
function drawIcon(x, y) {
  const r = 0.2;  // rounded tile
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const line = (y0, x0, x1) => y >= y0 && y < y0 + 0.1 && x >= x0 && x < x1;
  if (line(0.42, 0.16, 0.84) && x >= 0.3 && x < 0.7) return [255, 200, 60, 255];
  if (line(0.22, 0.16, 0.84) || line(0.42, 0.16, 0.84) || line(0.62, 0.16, 0.7)) return [255, 255, 255, 255];
  return [29, 79, 145, 255];
}
manifest.icons = {};
for (const n of [16, 32, 48, 128]) {
  fs.mkdirSync(path.join(out, 'icons'), {recursive: true});
  fs.writeFileSync(path.join(out, `icons/icon${n}.png`), png(n, drawIcon));
  manifest.icons[n] = `icons/icon${n}.png`;
}
manifest.action = {...manifest.action, default_icon: {16: 'icons/icon16.png', 32: 'icons/icon32.png'}};
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

// --- the wasm engine
for (const f of ['lede.js', 'lede-module.js', 'lede.wasm']) {
  const from = path.join(gen, f);
  if (!fs.existsSync(from)) {
    fail(`missing ${from}: build the wasm module first (cmake --preset wasm-release && cmake --build build/wasm-release)`);
  }
  copy(from, path.join(out, 'lede', f));
}

// --- panel rendering shared with the web page
const sharedDir = [opt('--shared', process.env.LEDE_SHARED_JS_DIR), path.join(root, 'web/shared'),
  path.join(root, 'web/app/shared')].find((d) => d && fs.existsSync(d));
if (!sharedDir) fail('missing web/shared/ (or web/app/shared/): the panel rendering shared with the web page');
for (const f of fs.readdirSync(sharedDir)) {
  if (/\.(m?js|css)$/.test(f)) copy(path.join(sharedDir, f), path.join(out, 'shared', f));
}

// --- @mozilla/readability, as a classic script for chrome.scripting.executeScript
const rdir = path.join(root, 'node_modules/@mozilla/readability');
if (!fs.existsSync(rdir)) fail('missing node_modules/@mozilla/readability: run npm install (scripts/setup.sh)');
const rpkg = JSON.parse(fs.readFileSync(path.join(rdir, 'package.json'), 'utf8'));
const rsrc = fs.readFileSync(path.join(rdir, 'Readability.js'), 'utf8');
fs.mkdirSync(path.join(out, 'vendor'), {recursive: true});
fs.writeFileSync(path.join(out, 'vendor/readability.js'),
    `// @mozilla/readability ${rpkg.version} (${rpkg.license}), bundled by scripts/build-extension.mjs;\n` +
    `// licence: vendor/readability.LICENSE.md\n${rsrc}`);
copy(path.join(rdir, 'LICENSE.md'), path.join(out, 'vendor/readability.LICENSE.md'));

// --- zip
function listFiles(dir, base = dir) {
  const res = [];
  for (const e of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) res.push(...listFiles(p, base));
    else res.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return res;
}

function writeZip(dir, file) {
  const parts = [];
  const central = [];
  let offset = 0;
  const DOS_TIME = 0;  // 00:00:00
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
  for (const name of listFiles(dir)) {
    const data = fs.readFileSync(path.join(dir, name));
    const deflated = zlib.deflateRawSync(data, {level: 9});
    const store = deflated.length >= data.length;
    const body = store ? data : deflated;
    const crc = crc32(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);  // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, nameBuf, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(0x0314, 4);  // made by: unix, 2.0
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(store ? 0 : 8, 10);
    cd.writeUInt16LE(DOS_TIME, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE((0o100644 << 16) >>> 0, 38);  // -rw-r--r--
    cd.writeUInt32LE(offset, 42);
    central.push(cd, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, Buffer.concat([...parts, ...central, end]));
  return {files: central.length / 2, bytes: offset + cdSize + end.length};
}

const z = writeZip(out, zipPath);
console.log(`build-extension: ${path.relative(root, out)}/ and ${path.relative(root, zipPath)} ` +
    `(${z.files} files, ${z.bytes} bytes)`);
