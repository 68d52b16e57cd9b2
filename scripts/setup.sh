#!/usr/bin/env bash
# Installs what lede needs to build and test, and only what is missing:
#   1. Debian packages (compilers, Emscripten, RE2, nlohmann/json, GoogleTest,
#      Chromium for the browser tests, clang + libFuzzer runtime for the fuzzer,
#      valgrind for counted-work tests) - `apt-get update` only if one is missing;
#   2. npm devDependencies of package.json (npm ci, from package-lock.json);
#   3. RE2 built to WebAssembly from Debian's source package (the same version
#      as libre2-dev), its source tarball checked against a pinned sha256,
#      installed into third_party/re2-wasm (gitignored).
# Idempotent: a second run checks and exits in about a second.
# Works as root with no terminal (CI); uses sudo for apt otherwise.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
start=$(date +%s)
log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo > /dev/null || die "not root and no sudo: cannot install Debian packages"
  SUDO=(sudo -n)
fi

# --- 1. Debian packages --------------------------------------------------------
packages=(
  cmake make g++ pkg-config python3 perl xz-utils ca-certificates
  emscripten
  libre2-dev nlohmann-json3-dev googletest libgtest-dev
  unicode-data dpkg-dev
  chromium fonts-dejavu-core
  clang libclang-rt-14-dev valgrind jq
)
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2> /dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
apt_updated=0
apt_update() {
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    "${SUDO[@]}" apt-get update -q -o=Dpkg::Use-Pty=0 > /dev/null
    apt_updated=1
  fi
}
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  apt_update
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends -o=Dpkg::Use-Pty=0 "${missing[@]}" \
    < /dev/null
else
  log "Debian packages: all present"
fi

# --- 2. npm packages -----------------------------------------------------------
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lede-lock-sha256 2> /dev/null || true)" != "$lock_sum" ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error < /dev/null
  printf '%s\n' "$lock_sum" > node_modules/.lede-lock-sha256
else
  log "npm packages: up to date"
fi

# --- 3. RE2 for WebAssembly ----------------------------------------------------
# Pinned: Debian bookworm's re2 source package, the one libre2-dev is built from.
RE2_SOURCE_VERSION="20220601+dfsg-1"
RE2_ORIG="re2_20220601+dfsg.orig.tar.xz"
RE2_ORIG_SHA256="3bc61251da3b0b97be40a8a127818c517c62516e4eda11fc901d29496663df54"
RE2_DEBIAN="re2_20220601+dfsg-1.debian.tar.xz"
RE2_DEBIAN_SHA256="6e93860fc6d5a7bc94f0cb235f107545a332e6cd37c3a4060982b9caa47a2570"
re2_prefix="$root/third_party/re2-wasm"
re2_stamp="$re2_prefix/.lede-stamp"
re2_want="re2 $RE2_SOURCE_VERSION $RE2_ORIG_SHA256"

native_version=$(dpkg-query -W -f='${source:Version}' libre2-dev 2> /dev/null || true)
if [ "$native_version" != "$RE2_SOURCE_VERSION" ]; then
  die "libre2-dev is built from re2 '$native_version', but RE2_SOURCE_VERSION in $0 pins \
'$RE2_SOURCE_VERSION': update the pin (version and sha256) so native and wasm use one RE2"
fi

if [ "$(cat "$re2_stamp" 2> /dev/null || true)" = "$re2_want" ] && [ -f "$re2_prefix/lib/libre2.a" ]; then
  log "RE2 for wasm: present ($RE2_SOURCE_VERSION)"
else
  log "building RE2 $RE2_SOURCE_VERSION for wasm"
  work="$root/third_party/re2-src"
  rm -rf "$work" "$re2_prefix"
  mkdir -p "$work"

  # apt-get source needs a deb-src entry. Add one for Debian's main archive
  # unless some source list already has deb-src.
  if ! grep -rqsE '^(deb-src |Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "adding deb-src to /etc/apt/sources.list.d/lede-deb-src.sources"
    suites="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
    printf '%s\n' "Types: deb-src" "URIs: http://deb.debian.org/debian" \
      "Suites: $suites $suites-updates" "Components: main" \
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" |
      "${SUDO[@]}" tee /etc/apt/sources.list.d/lede-deb-src.sources > /dev/null
    apt_updated=0
    apt_update
  fi
  fetch() { (cd "$work" && apt-get source -q --download-only "re2=$RE2_SOURCE_VERSION" < /dev/null) > "$work/fetch.log" 2>&1; }
  if ! fetch; then
    apt_updated=0
    apt_update
    fetch || { cat "$work/fetch.log" >&2; die "apt-get source re2=$RE2_SOURCE_VERSION failed"; }
  fi
  check() {
    local sum
    sum=$(sha256sum "$work/$1" | cut -d' ' -f1)
    [ "$sum" = "$2" ] || die "$1: sha256 $sum, expected $2 (pinned in $0)"
  }
  check "$RE2_ORIG" "$RE2_ORIG_SHA256"
  check "$RE2_DEBIAN" "$RE2_DEBIAN_SHA256"
  # The sha256 pins above are the check; the .dsc signature needs debian-keyring.
  (cd "$work" && dpkg-source -q -x "re2_$RE2_SOURCE_VERSION.dsc" src > "$work/extract.log" 2>&1) ||
    { cat "$work/extract.log" >&2; die "unpacking the re2 source failed"; }

  # The dfsg tarball lacks the generated Unicode tables: make them from
  # Debian's unicode-data (Debian's own patch points unicode.py there; make sure).
  sed -i 's|^_UNICODE_DIR = .*|_UNICODE_DIR = "/usr/share/unicode"|' "$work/src/re2/unicode.py"
  (cd "$work/src/re2" &&
    python3 make_unicode_groups.py > unicode_groups.cc &&
    python3 make_unicode_casefold.py > unicode_casefold.cc &&
    perl make_perl_groups.pl > perl_groups.cc)

  # Debian's emcc runs its optimizer with node, which must find acorn here.
  [ -d /usr/share/nodejs/acorn ] && export NODE_PATH=/usr/share/nodejs
  jobs=$(($(nproc) < 2 ? $(nproc) : 2))
  emcmake cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS=-Os -DRE2_BUILD_TESTING=OFF -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_INSTALL_PREFIX="$re2_prefix" > "$work/configure.log" 2>&1 ||
    { tail -n 30 "$work/configure.log" >&2; die "configuring RE2 for wasm failed"; }
  emmake make -C "$work/build" -j"$jobs" install > "$work/build.log" 2>&1 ||
    { tail -n 30 "$work/build.log" >&2; die "building RE2 for wasm failed"; }
  cp "$work/src/LICENSE" "$re2_prefix/LICENSE"
  printf '%s\n' "$re2_want" > "$re2_stamp"
  rm -rf "$work"
  log "RE2 for wasm installed in third_party/re2-wasm"
fi

log "done in $(($(date +%s) - start)) s"
