#!/usr/bin/env bash
# Runs the Action's script part (install.sh, run.sh) here as the runner would, offline:
# a faulty and a clean request, with and without --deny-warnings and the SARIF log, and
# installing both from a "release" (a local archive) and by building with cargo.
#
# AZSR   a built azsr-lsp (default target/release/azsr-lsp; `cargo install` reuses target/)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
azsr=${AZSR:-$repo/target/release/azsr-lsp}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
passed=0

# run.sh: EXPECTED_EXIT_CODE PATHS [VAR=VALUE...]; the step itself must always succeed.
check() {
  local expected=$1 paths=$2
  shift 2
  : >"$tmp/output"
  env AZSR="$azsr" AZSR_PATHS="$paths" GITHUB_OUTPUT="$tmp/output" "$@" \
    bash "$repo/.github/action/run.sh" >"$tmp/log" 2>&1 || fail "run.sh itself failed"
  grep -qx "exit-code=$expected" "$tmp/output" ||
    fail "$paths $*: expected exit-code=$expected, got $(cat "$tmp/output")"
  passed=$((passed + 1))
}

faulty=examples/faulty/vague.ja.azsr.md
clean=examples/vm-rdp.ja.azsr.md
cd "$repo"
check 1 "$faulty"
grep -q "^::error file=$faulty,line=" "$tmp/log" || fail "no ::error annotation for the faulty request"
check 0 "$clean" AZSR_DENY_WARNINGS=true
check 0 "$clean
examples/aks-upgrade.en.azsr.md" AZSR_FORMAT=human
check 1 "$faulty $clean" AZSR_SARIF_FILE="$tmp/azsr.sarif"
python3 -c "import json,sys; log=json.load(open(sys.argv[1])); assert log['runs'][0]['results']" "$tmp/azsr.sarif" ||
  fail "no SARIF log with results"
check 2 "does-not-exist.azsr.md"

# install.sh: a release archive for this runner is used as is.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
mkdir -p "$tmp/releases/v$version"
tar -czf "$tmp/releases/v$version/azsr-lsp-x86_64-unknown-linux-gnu.tar.gz" -C "$(dirname "$azsr")" azsr-lsp
bin=$(AZSR_ROOT="$tmp/from-release" AZSR_SOURCE="$repo" AZSR_RELEASES="file://$tmp/releases" \
  bash .github/action/install.sh 2>"$tmp/install.log") || fail "install.sh: $(cat "$tmp/install.log")"
[ "$bin" = "$tmp/from-release/bin/azsr-lsp" ] || fail "install.sh printed $bin"
grep -q "release binary" "$tmp/install.log" || fail "the release archive was not used: $(cat "$tmp/install.log")"
cmp -s "$bin" "$azsr" || fail "the installed binary is not the released one"
passed=$((passed + 1))
# …and found in the cache on the next run.
AZSR_ROOT="$tmp/from-release" AZSR_SOURCE="$repo" AZSR_RELEASES="file://$tmp/none" \
  bash .github/action/install.sh 2>&1 >/dev/null | grep -q cached || fail "the cached binary was not reused"
passed=$((passed + 1))

# install.sh: no release for it, so cargo builds it (reusing this checkout's target/).
bin=$(CARGO_TARGET_DIR="$repo/target" AZSR_ROOT="$tmp/from-source" AZSR_SOURCE="$repo" \
  AZSR_RELEASES="file://$tmp/none" bash .github/action/install.sh 2>"$tmp/install.log") ||
  fail "install.sh: $(cat "$tmp/install.log")"
grep -q "building with cargo" "$tmp/install.log" || fail "no build: $(cat "$tmp/install.log")"
"$bin" --version >/dev/null || fail "the built binary does not run"
passed=$((passed + 1))

echo "action: $passed passed, 0 failed"
