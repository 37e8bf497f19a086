#!/usr/bin/env bash
# The playground's end-to-end test in headless Chromium (Debian's chromium driven by
# playwright-core from npm, as editors/vscode/test/e2e does): builds the page
# (build.sh, quick when cached) and azsr-lsp (the reference the page must equal), then
# runs test.mjs. AZSR_LSP=path/to/azsr-lsp skips the cargo build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

bash "$here/apt-install.sh" chromium fonts-ipafont-gothic fonts-noto-color-emoji
bash "$here/build.sh"
if [ -z "${AZSR_LSP:-}" ]; then
  (cd "$root" && cargo build -q -p azsr-lsp)
  export AZSR_LSP="$root/target/debug/azsr-lsp"
fi
echo "chromium $(dpkg-query -W -f='${Version}' chromium), playwright-core $(node -p "require('$here/node_modules/playwright-core/package.json').version")"
node "$here/test.mjs"
