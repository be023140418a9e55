#!/usr/bin/env bash
# Runs every benchmark of README's Performance section in one go against the local stand-ins and writes
# bench/results/latest.json and latest.md. Sizes: -Dbench.<name>=<value> in BENCH_OPTS (see bench/.../BenchSettings),
# e.g. BENCH_OPTS="-Dbench.concurrency.levels=100,500 -Dbench.noisy.flood=500" ./scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

echo "bench: building the services and the bench (./mvnw -q -B -DskipTests package)..." >&2
./mvnw -q -B -DskipTests package -pl bench -am

jars=(bench/target/bench-*-exec.jar)
[[ -f "${jars[0]}" ]] || { echo "bench: bench/target/bench-*-exec.jar missing after the build" >&2; exit 1; }
# shellcheck disable=SC2086
exec java ${BENCH_OPTS:-} -jar "${jars[0]}"
