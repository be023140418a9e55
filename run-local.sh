#!/usr/bin/env bash
# Runs TenantChat on this machine against local stand-ins for AWS (dev only): see local-stack/.
# Data is kept in .local/ between runs; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "run-local: $*" >&2; exit 1; }

# a JDK 25 or newer (JAVA_HOME, PATH or /usr/lib/jvm), exported as JAVA_HOME for ./mvnw and the services
source scripts/use-java.sh || fail "install a JDK 25 or newer (e.g. Temurin 25) or point JAVA_HOME at one"

command -v node >/dev/null || fail "node not found: install Node.js 20 or newer (cognito-local runs on it)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" -ge 20 ]] || fail "node ${node_major} found, 20 or newer needed"

echo "run-local: building (./mvnw -q -B -DskipTests package; installs the npm stand-ins on first use)..." >&2
./mvnw -q -B -DskipTests package

jars=(local-stack/target/local-stack-*-exec.jar)
[[ -f "${jars[0]}" ]] || fail "local-stack/target/local-stack-*-exec.jar missing after the build"
exec java -jar "${jars[0]}" run
