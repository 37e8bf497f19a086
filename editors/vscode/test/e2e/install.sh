#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, from the package registries only:
# Debian's chromium (driven by playwright-core) with Japanese and emoji fonts for the
# screenshots, and the build tools for code-server's
# native modules, then code-server 4.100.3 (VS Code 1.100.3 in the browser: the last
# release whose engines.node accepts Node 20) and playwright-core into $AZSR_E2E_DIR.
# Prints nothing but progress; idempotent (a second run is quick).
set -euo pipefail
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
dir="${AZSR_E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/azsr/vscode-e2e}"
mkdir -p "$dir"

need_apt=()
for pkg in chromium fonts-ipafont-gothic fonts-noto-color-emoji ripgrep build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "apt-get install ${need_apt[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -x "$dir/node_modules/.bin/code-server" ] && [ -d "$dir/node_modules/playwright-core" ] \
  && [ "$("$dir/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 -E '^[0-9]' | cut -d' ' -f1)" = "$CODE_SERVER_VERSION" ]; then
  echo "code-server $CODE_SERVER_VERSION and playwright-core already in $dir"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds
# the tarball it expects: make that tarball from Debian's ripgrep.
rg_pkg_version=1.15.11   # the @vscode/ripgrep that code-server 4.100.3's VS Code pins
rg_asset="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
tmp="$(node -p 'require("os").tmpdir()')"
cache="$tmp/vscode-ripgrep-cache-$rg_pkg_version"
mkdir -p "$cache"
if [ ! -s "$cache/$rg_asset" ]; then
  tar -czf "$cache/$rg_asset" -C "$(dirname "$(command -v rg)")" rg
fi

cd "$dir"
[ -f package.json ] || echo '{ "name": "azsr-vscode-e2e", "private": true }' > package.json
echo "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (builds native modules: a few minutes)"
# code-server's postinstall runs `npm install` in its bundled VS Code, whose native
# modules need install scripts; as root it insists on unsafe-perm; nodedir makes
# node-gyp use the installed Node headers instead of downloading them; node-pty runs
# `npx node-gyp`, which needs yes.
npm_config_unsafe_perm=true \
npm_config_nodedir=/usr \
npm_config_dangerously_allow_all_scripts=true \
npm_config_update_notifier=false \
npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
"$dir/node_modules/.bin/code-server" --version | grep -m1 -E '^[0-9]'
