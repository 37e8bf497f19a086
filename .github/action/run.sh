#!/usr/bin/env bash
# The check step of the GitHub Action (action.yml): runs `azsr-lsp --check` on the
# requested paths in the requested format, and the SARIF log as well when asked. Never
# fails by itself: it writes `exit-code` to $GITHUB_OUTPUT (0 clean, 1 findings, 2 the
# run failed) so that the SARIF upload still runs; the action's last step fails with it.
#
# AZSR                 the azsr-lsp binary
# AZSR_PATHS           files and directories, separated by spaces or newlines (default .)
# AZSR_FORMAT          human | json | sarif | github | gitlab (default github)
# AZSR_DENY_WARNINGS   true: warnings fail the run too
# AZSR_SARIF_FILE      when set, also write the SARIF log there
set -uo pipefail

azsr=${AZSR:?}
format=${AZSR_FORMAT:-github}
read -r -d '' -a paths <<<"${AZSR_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
flags=()
[ "${AZSR_DENY_WARNINGS:-false}" = true ] && flags+=(--deny-warnings)

"$azsr" --check --format "$format" ${flags[@]+"${flags[@]}"} -- "${paths[@]}"
status=$?

if [ -n "${AZSR_SARIF_FILE:-}" ]; then
  "$azsr" --check --format sarif ${flags[@]+"${flags[@]}"} -- "${paths[@]}" >"$AZSR_SARIF_FILE"
  sarif_status=$?
  if [ "$sarif_status" -ne "$status" ]; then
    echo "the SARIF run ended with $sarif_status, the check with $status" >&2
  fi
fi

echo "exit-code=$status" >>"${GITHUB_OUTPUT:-/dev/null}"
exit 0
