#!/usr/bin/env bash
# Builds the playground into web/dist/ (index.html, app.js with the core inlined as
# WebAssembly, style.css): open web/dist/index.html, or serve web/dist/ as static files.
#
# Installs what it needs from the package registries only (see docs/playground.md):
# - apt: Debian's rustc-web, cargo-web, rust-web-src (std's source, built for wasm32 with
#   -Zbuild-std: rustup here has no wasm32 target), clang-22/lld-22/llvm-22 (tree-sitter's
#   C and rustc's wasm linker);
# - crates.io: wasm-bindgen-cli of exactly the wasm-bindgen version in Cargo.lock, cached
#   in $AZSR_CACHE (~/.cache/azsr) because it takes minutes to build;
# - npm: CodeMirror 6 and esbuild (web/package-lock.json).
# Prints the versions it used. Idempotent: a second run rebuilds only what changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cache="${AZSR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/azsr}"
mkdir -p "$cache"

# --- apt -----------------------------------------------------------------------------------
# Installed together by name: rust-web-src must match rustc-web exactly, and
# bookworm-security replaces old versions (no pin that could vanish).
bash "$here/apt-install.sh" rustc-web cargo-web rust-web-src rust-web-llvm clang-22 lld-22 llvm-22

# --- wasm-bindgen-cli ----------------------------------------------------------------------
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$root/Cargo.lock")"
wb_root="$cache/wasm-bindgen-cli-$wb_version"
wasm_bindgen="$wb_root/bin/wasm-bindgen"
if ! [ -x "$wasm_bindgen" ] || [ "$("$wasm_bindgen" --version | cut -d' ' -f2)" != "$wb_version" ]; then
  echo "cargo install wasm-bindgen-cli $wb_version into $wb_root (about 8 minutes on 2 cores; cached)"
  # Not --locked: one of its locked dependency versions is missing from the registry mirror.
  cargo install -q wasm-bindgen-cli --version "$wb_version" --root "$wb_root" \
    --target-dir "$cache/wasm-bindgen-build"
fi

# --- the core as WebAssembly ---------------------------------------------------------------
# Debian's toolchain by path (rustup's shims come first on PATH); RUSTC_BOOTSTRAP for
# -Zbuild-std on this stable compiler. Size over speed: the page loads it once.
target_dir="$root/target/wasm"
(
  cd "$root"
  RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
  CC_wasm32_unknown_unknown=clang-22 AR_wasm32_unknown_unknown=llvm-ar-22 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s CARGO_PROFILE_RELEASE_LTO=fat \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
    /usr/bin/cargo build -q --release -p azsr-wasm --lib \
      --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort --target-dir "$target_dir"
)
mkdir -p "$here/build/pkg"
# Without the name section: 1 MB less, only the browser's stack traces lose names.
"$wasm_bindgen" --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$here/build/pkg" \
  "$target_dir/wasm32-unknown-unknown/release/azsr_wasm.wasm"

# --- the page ------------------------------------------------------------------------------
cd "$here"
if ! [ -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node build.mjs

echo "built $here/dist ($(du -sh dist | cut -f1); app.js $(gzip -c dist/app.js | wc -c | awk '{printf "%.2f MB", $1/1048576}') gzipped)"
ver() { node -p "JSON.parse(require('fs').readFileSync('node_modules/$1/package.json')).version"; }
echo "versions: $(/usr/bin/rustc --version | cut -d' ' -f1-2) (rustc-web $(dpkg-query -W -f='${Version}' rustc-web))," \
  "rust-web-src $(dpkg-query -W -f='${Version}' rust-web-src), clang-22 $(dpkg-query -W -f='${Version}' clang-22)," \
  "wasm-bindgen $wb_version, node $(node --version), esbuild $(ver esbuild)," \
  "@codemirror/view $(ver @codemirror/view), @codemirror/lint $(ver @codemirror/lint), @codemirror/autocomplete $(ver @codemirror/autocomplete)"
