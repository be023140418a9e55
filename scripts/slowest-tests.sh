#!/usr/bin/env bash
# After ./mvnw verify: the ten slowest test classes (surefire and failsafe reports of every module), as the
# Markdown table of docs/testing.md ("Slowest classes"), then the number of test classes and tests and their summed time.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10}"
rows=$(for report in */target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml; do
  [ -f "$report" ] || continue
  head -c 4000 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 | sed -E \
    -e 's/.* name="([^"]*)".*/\1 &/' -e 's/^([^ ]*) .* time="([^"]*)".*/\1 \2 &/' \
    -e 's/^([^ ]*) ([^ ]*) .* tests="([^"]*)".*/\1 \2 \3/' | sed "s|^|${report%%/*} |"
done)
[ -n "$rows" ] || { echo "no surefire/failsafe reports: run ./mvnw verify first" >&2; exit 1; }
echo "| test class | module | tests | seconds |"
echo "|---|---|---:|---:|"
echo "$rows" | sort -k3,3 -g -r | head -n "$count" | awk '{ n = split($2, part, "."); printf "| `%s` | %s | %d | %.0f |\n", part[n], $1, $4, $3 }'
echo "$rows" | awk '{ classes++; tests += $4; seconds += $3 } END { printf "\n%d test classes, %d tests, %.0f s of test time in all\n", classes, tests, seconds }'
