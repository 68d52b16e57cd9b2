// A small static server for web/app on 127.0.0.1 (scripts/run.sh starts it).
//   node scripts/serve.mjs [--port N] [--root DIR]
// Serves files only (no directory listings, nothing outside the root), with
// application/wasm for .wasm (so streaming compilation works) and the page's
// Content-Security-Policy as a header. If the port is taken, the next free
// one is used; the URL is printed as "lede: serving DIR at URL".
import {createReadStream, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const root = resolve(arg('--root', join(here, '../web/app')));
let port = Number(arg('--port', process.env.PORT ?? 8080));
const host = '127.0.0.1';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

const server = createServer((req, res) => {
  const headers = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  const fail = (code, text) => {
    res.writeHead(code, {...headers, 'Content-Type': 'text/plain; charset=utf-8'});
    res.end(text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed\n');
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return fail(400, 'bad request\n');
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return fail(403, 'forbidden\n');
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return fail(404, 'not found\n');
  }
  if (!stat.isFile()) return fail(404, 'not found\n');
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});

let tries = 0;
server.on('error', (err) => {
  if (err.code === 'EADDRINUSE' && tries++ < 20) {
    port += 1;
    server.listen(port, host);
  } else {
    console.error(`lede: cannot serve on ${host}:${port}: ${err.message}`);
    process.exit(1);
  }
});
server.on('listening', () => {
  console.log(`lede: serving ${root} at http://${host}:${server.address().port}/`);
});
server.listen(port, host);
