#!/usr/bin/env bash
# Runs every benchmark of docs/performance.md in one go against the local stand-ins, on the services as
# shipped, and writes latest.json and latest.md (figures, stage tables, provenance: git sha and dirty flag, this
# command, -Dbench.* settings, JVM flags, load average at start and end, duration).
#
#   ./scripts/bench.sh            full run (<= 20 minutes on an idle machine); from a clean tree it replaces
#                                 bench/results/latest.*, from a dirty one it writes bench/target/bench-results/
#                                 unless BENCH_OPTS has -Dbench.allow-dirty=true
#   ./scripts/bench.sh --quick    small sizes (<= 3 minutes), for a developer checking a change; always writes
#                                 bench/target/bench-results/, never latest.*
#
# Sizes: -Dbench.<name>=<value> in BENCH_OPTS (see bench/src/main/java/io/tenantchat/bench/BenchSettings.java), e.g.
#   BENCH_OPTS="-Dbench.concurrency.levels=100,500 -Dbench.noisy.flood=500" ./scripts/bench.sh
# A run whose 1-minute load average at start exceeds the core count is marked noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
# JDK 25 or newer as JAVA_HOME for ./mvnw and java (scripts/use-java.sh)
source scripts/use-java.sh

mode=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=(-Dbench.quick=true) ;;
    *) echo "bench: unknown argument $arg (only --quick)" >&2; exit 2 ;;
  esac
done

echo "bench: building the services and the bench (./mvnw -q -B -DskipTests package -pl bench -am)..." >&2
./mvnw -q -B -DskipTests package -pl bench -am

jars=(bench/target/bench-*-exec.jar)
[[ -f "${jars[0]}" ]] || { echo "bench: bench/target/bench-*-exec.jar missing after the build" >&2; exit 1; }
command="${BENCH_OPTS:+BENCH_OPTS=\"$BENCH_OPTS\" }./scripts/bench.sh $*"
# shellcheck disable=SC2086
exec java ${BENCH_OPTS:-} "${mode[@]}" "-Dbench.command=${command% }" -jar "${jars[0]}"
