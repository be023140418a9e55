#!/usr/bin/env bash
# Creates (or reuses) a user in a tenant and prints its tokens as one JSON object:
#   scripts/create-test-user.sh --tenant <tenant-id> --email <email> [--password <password>]
#       [--group tenant-admin|platform-operator]
# --group puts the user in that Cognito group (tenant-admin: its tenant's profile, API keys and sessions;
# platform-operator: every tenant and the operator endpoints) and prints tokens that list it.
# Uses the Cognito pool on AWS when COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID are set (region from AWS_REGION,
# credentials from the default chain), otherwise the running local stack (./run-local.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# JDK 25 or newer as JAVA_HOME for ./mvnw and java (scripts/use-java.sh)
source scripts/use-java.sh

jars=(local-stack/target/local-stack-*-exec.jar)
if [[ ! -f "${jars[0]}" ]]; then
  echo "create-test-user: building local-stack..." >&2
  ./mvnw -q -B -pl local-stack -am -DskipTests package >&2
  jars=(local-stack/target/local-stack-*-exec.jar)
fi
exec java -jar "${jars[0]}" create-test-user "$@"
