#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server 4.100.3)
# driven by playwright-core and Debian's Chromium. Installs what it needs (install.sh),
# packages the .vsix (npm ci && npm run package: bundles a release azsr-lsp; set
# AZSR_LSP_BINARY to bundle an existing binary, AZSR_VSIX to use a built .vsix), installs
# it into a fresh code-server, opens a faulty draft and checks what a person sees, then
# exports a clean one through its code lens.
# Screenshots: $AZSR_E2E_ARTIFACTS (default editors/vscode/test/e2e/artifacts).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
repo="$(cd "$ext/../.." && pwd)"
export AZSR_E2E_DIR="${AZSR_E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/azsr/vscode-e2e}"
export AZSR_E2E_ARTIFACTS="${AZSR_E2E_ARTIFACTS:-$here/artifacts}"

"$here/install.sh"

vsix="${AZSR_VSIX:-}"
if [ -z "$vsix" ]; then
  (cd "$ext" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent package)
  vsix="$ext/azsr.vsix"
fi

tmp="$(mktemp -d)"
cs_pid=""
cleanup() {
  if [ -n "$cs_pid" ]; then
    kill -TERM -- "-$cs_pid" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$cs_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

cs="$AZSR_E2E_DIR/node_modules/.bin/code-server"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
cs_args=(--user-data-dir "$tmp/user" --extensions-dir "$tmp/extensions"
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override)
"$cs" "${cs_args[@]}" --install-extension "$vsix" 2>&1 | grep -v '^\[' || true

# The workspace: the Neovim test's fixture (a Japanese draft with `service: Virt`, a
# token after Japanese text and an emoji) under a neutral name.
mkdir -p "$tmp/ws"
cp "$repo/editors/nvim/test/fixtures/request.ja.azsr.md" "$tmp/ws/draft.azsr.md"
# A clean request, for the export lenses.
cp "$repo/examples/quota-vcpu.en.azsr.md" "$tmp/ws/clean.azsr.md"
mkdir -p "$tmp/user/User"
cat > "$tmp/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "azsr.messages": "en"
}
JSON

port="${AZSR_E2E_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
# Its own process group (setsid), so that one signal stops it and the servers it spawned.
setsid "$cs" "${cs_args[@]}" --auth none --bind-addr "127.0.0.1:$port" "$tmp/ws" > "$tmp/code-server.log" 2>&1 &
cs_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then break; fi
  sleep 0.5
done

set +e
AZSR_E2E_URL="http://127.0.0.1:$port/?folder=$tmp/ws" AZSR_E2E_FILE=draft.azsr.md AZSR_E2E_PATH="$tmp/ws/draft.azsr.md" \
  AZSR_E2E_CLEAN=clean.azsr.md AZSR_E2E_CLEAN_PATH="$tmp/ws/clean.azsr.md" \
  node "$here/e2e.mjs"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "--- code-server log" >&2
  tail -n 40 "$tmp/code-server.log" >&2 || true
  find "$tmp/user/logs" -name '*azsr*' -exec tail -n 40 {} \; 2>/dev/null >&2 || true
fi
echo "screenshots: $AZSR_E2E_ARTIFACTS"
exit "$status"
