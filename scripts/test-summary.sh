#!/usr/bin/env bash
# Sums the counters of every .trx file under a folder into one line: "N passed, N failed".
set -euo pipefail
dir="${1:?results folder}"
passed=0; failed=0
shopt -s nullglob globstar
for f in "$dir"/**/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  x=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  a=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${x:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
echo "$passed passed, $failed failed"
