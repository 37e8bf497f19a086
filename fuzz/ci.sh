#!/usr/bin/env bash
# Runs each fuzz target for a bounded time (FUZZ_SECONDS, default 60) with the seed
# corpora and the dictionary. Needs a nightly toolchain: skips with a clear line where
# there is none. Installs cargo-fuzz when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-60}"
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "fuzz: SKIPPED: no nightly toolchain (cargo-fuzz needs one: rustup toolchain install nightly)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo +nightly install cargo-fuzz --locked
fi
mkdir -p artifacts
for target in analyze incremental_edits frontmatter framing; do
    mkdir -p "corpus/$target"
    echo "fuzz: $target for ${seconds}s (log: fuzz/artifacts/$target.log)"
    # The whole libFuzzer output goes to the log (the framing target alone prints
    # hundreds of thousands of lines); CI shows the stats, or the tail on a finding.
    if ! cargo +nightly fuzz run "$target" "corpus/$target" seeds -- \
        -dict=markdown-yaml.dict -max_total_time="$seconds" -jobs=1 -workers=1 \
        -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"artifacts/$target.log" 2>&1; then
        tail -n 80 "artifacts/$target.log"
        echo "fuzz: $target found a problem: see fuzz/artifacts/$target.log and fuzz/artifacts/$target/" >&2
        exit 1
    fi
    grep -E '^(Done |stat::number_of_executed_units)' "artifacts/$target.log" || true
done
echo "fuzz: all targets ran ${seconds}s without a finding"
