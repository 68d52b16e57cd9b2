#!/usr/bin/env bash
# README command 1: installs what is missing, builds the CLI and the wasm
# module, and serves the web page on 127.0.0.1 (Ctrl-C stops it).
#   scripts/run.sh [--port N]     (default 8080, or the next free port)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${PORT:-8080}
if [ "${1:-}" = "--port" ] && [ -n "${2:-}" ]; then port=$2; fi

bash scripts/setup.sh
[ -d /usr/share/nodejs/acorn ] && export NODE_PATH=/usr/share/nodejs
mkdir -p build/logs
for preset in native-release wasm-release; do
  echo "[run] building $preset (log: build/logs/run-$preset.log)"
  { cmake --preset "$preset" && cmake --build --preset "$preset"; } > "build/logs/run-$preset.log" 2>&1 ||
    { tail -n 40 "build/logs/run-$preset.log"; echo "[run] building $preset failed" >&2; exit 1; }
done

echo
echo "[run] CLI: $root/build/native-release/lede   (try: build/native-release/lede analyze --pretty web/app/sample.txt)"
echo "[run] web page (Ctrl-C to stop):"
exec node scripts/serve.mjs --port "$port" --root "$root/web/app"
