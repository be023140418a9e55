#!/usr/bin/env bash
# Platform operations against the api-service (docs/runbook.md). Needs an ID token of a user in the
# platform-operator group.
#
#   scripts/ops.sh stats
#   scripts/ops.sh peek <chat-requests|usage-events> [--limit N]
#   scripts/ops.sh replay chat-requests [--tenant ID] [--session ID] [--message-id ID]...   (usage-events: docs/runbook.md)
#                  [--from ISO-INSTANT] [--to ISO-INSTANT] [--limit N] [--dry-run]
#   scripts/ops.sh reaggregate --tenant ID --from ISO-INSTANT --to ISO-INSTANT
#   scripts/ops.sh audit <tenant> [--limit N] [--cursor C]    (a page of the tenant's audit trail, oldest first)
#   scripts/ops.sh audit-verify <tenant>                      (re-computes the hash chain; exit 1 when it breaks)
#
# Environment: TENANTCHAT_API_URL (default http://localhost:8000), TENANTCHAT_TOKEN (the operator's ID token,
# e.g. the id_token printed by scripts/create-test-user.sh for a user added to the platform-operator group).
# Prints the API's JSON answer; exits non-zero on an HTTP error (the problem JSON goes to stderr).
# reaggregate runs usage-aggregator once as a command (no token): against the local stack when .local/stack.json
# exists and TENANTCHAT_TARGET is not "aws", else against AWS with the aggregator's environment (USAGE_TABLE,
# USAGE_ROLLUPS_TABLE, USAGE_ROLLUP_SHARDS, AUDIT_TABLE, AWS_REGION and credentials) and records its run in the
# tenant's audit trail as ops-cli/$TENANTCHAT_ACTOR (default $USER). TENANTCHAT_STACK_FILE names another stack file
# than .local/stack.json (the e2e tests' stacks).
set -euo pipefail
cd "$(dirname "$0")/.."
# JDK 25 or newer as JAVA_HOME for ./mvnw and java (scripts/use-java.sh)
source scripts/use-java.sh

api="${TENANTCHAT_API_URL:-http://localhost:8000}"
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }

if [[ "${1:-}" =~ ^(-h|--help)?$ ]]; then
  usage
  exit 0
fi
require_token() {
  if [[ -z "${TENANTCHAT_TOKEN:-}" ]]; then
    echo "ops: set TENANTCHAT_TOKEN to a platform operator's ID token" >&2
    exit 2
  fi
}

reaggregate() {
  local tenant="" from="" to=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --tenant) tenant="${2:?}"; shift ;;
      --from) from="${2:?}"; shift ;;
      --to) to="${2:?}"; shift ;;
      *) echo "ops: unknown option $1" >&2; exit 2 ;;
    esac
    shift
  done
  if [[ -z "$tenant" || -z "$from" || -z "$to" ]]; then
    echo "ops: reaggregate needs --tenant, --from and --to" >&2
    exit 2
  fi
  local jars=(usage-aggregator/target/usage-aggregator-*-exec.jar)
  if [[ ! -f "${jars[0]}" ]]; then
    echo "ops: building usage-aggregator..." >&2
    ./mvnw -q -B -pl usage-aggregator -am -DskipTests package >&2
    jars=(usage-aggregator/target/usage-aggregator-*-exec.jar)
  fi
  local args=(--spring.main.web-application-type=none --spring.cloud.aws.sqs.listener.auto-startup=false
    "--tenantchat.reaggregate.tenant=$tenant" "--tenantchat.reaggregate.from=$from" "--tenantchat.reaggregate.to=$to"
    "--tenantchat.reaggregate.actor=ops-cli/${TENANTCHAT_ACTOR:-${USER:-unknown}}")
  local stack="${TENANTCHAT_STACK_FILE:-.local/stack.json}"
  if [[ -f "$stack" && "${TENANTCHAT_TARGET:-local}" != "aws" ]]; then
    local dynamodb
    dynamodb="$(sed -n 's/.*"dynamodb_endpoint" *: *"\([^"]*\)".*/\1/p' "$stack")"
    if [[ -z "$dynamodb" ]]; then
      echo "ops: no dynamodb_endpoint in $stack" >&2
      exit 1
    fi
    args+=(--spring.profiles.active=local "--spring.cloud.aws.dynamodb.endpoint=$dynamodb")
  fi
  exec java -jar "${jars[0]}" "${args[@]}"
}

# values go into JSON as they are: refuse anything that could break out of a string (the API validates the rest)
json_string() {
  if [[ "$1" =~ [\"\\[:cntrl:]] ]]; then
    echo "ops: invalid value: $1" >&2
    exit 2
  fi
  printf '"%s"' "$1"
}

tenant_arg() {
  if [[ ! "$1" =~ ^[A-Za-z0-9_-]{1,64}$ ]]; then
    echo "ops: give a tenant id" >&2
    exit 2
  fi
  printf '%s' "$1"
}

call() {
  require_token
  local method="$1" path="$2" body="${3:-}"
  local out status
  out="$(mktemp)"
  trap 'rm -f "$out"' RETURN
  local args=(-sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TENANTCHAT_TOKEN}")
  if [[ -n "$body" ]]; then
    args+=(-H 'Content-Type: application/json' --data "$body")
  fi
  status="$(curl "${args[@]}" "${api}${path}")"
  if [[ "$status" -ge 400 ]]; then
    cat "$out" >&2
    echo >&2
    return 1
  fi
  cat "$out"
  echo
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  stats)
    call GET /api/admin/queues ;;
  peek)
    queue="${1:?peek needs a queue: chat-requests or usage-events}"; shift
    limit=10
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --limit) limit="${2:?--limit needs a number}"; shift ;;
        *) echo "ops: unknown option $1" >&2; exit 2 ;;
      esac
      shift
    done
    [[ "$limit" =~ ^[0-9]+$ ]] || { echo "ops: --limit must be a number" >&2; exit 2; }
    call GET "/api/admin/queues/${queue}/dead-letters?limit=${limit}" ;;
  replay)
    queue="${1:?replay needs a queue: chat-requests or usage-events}"; shift
    fields=()
    ids=()
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --tenant) fields+=("\"tenant_id\": $(json_string "${2:?}")"); shift ;;
        --session) fields+=("\"session_id\": $(json_string "${2:?}")"); shift ;;
        --message-id) ids+=("$(json_string "${2:?}")"); shift ;;
        --from) fields+=("\"from\": $(json_string "${2:?}")"); shift ;;
        --to) fields+=("\"to\": $(json_string "${2:?}")"); shift ;;
        --limit) [[ "${2:?}" =~ ^[0-9]+$ ]] || { echo "ops: --limit must be a number" >&2; exit 2; }
                 fields+=("\"limit\": $2"); shift ;;
        --dry-run) fields+=("\"dry_run\": true") ;;
        *) echo "ops: unknown option $1" >&2; exit 2 ;;
      esac
      shift
    done
    if [[ ${#ids[@]} -gt 0 ]]; then
      fields+=("\"message_ids\": [$(IFS=,; echo "${ids[*]}")]")
    fi
    call POST "/api/admin/queues/${queue}/dead-letters/replay" "{$(IFS=,; echo "${fields[*]:-}")}" ;;
  reaggregate)
    reaggregate "$@" ;;
  audit)
    tenant="$(tenant_arg "${1:-}")"; shift
    query=""
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --limit) [[ "${2:?}" =~ ^[0-9]+$ ]] || { echo "ops: --limit must be a number" >&2; exit 2; }
                 query+="&limit=$2"; shift ;;
        --cursor) [[ "${2:?}" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "ops: invalid --cursor" >&2; exit 2; }
                  query+="&cursor=$2"; shift ;;
        *) echo "ops: unknown option $1" >&2; exit 2 ;;
      esac
      shift
    done
    call GET "/api/tenants/${tenant}/audit?${query#&}" ;;
  audit-verify)
    tenant="$(tenant_arg "${1:-}")"
    result="$(call GET "/api/tenants/${tenant}/audit/verification")"
    echo "$result"
    if [[ ! "$result" =~ \"intact\"[[:space:]]*:[[:space:]]*true ]]; then
      echo "ops: the audit chain of ${tenant} is broken (see broken_at and problem)" >&2
      exit 1
    fi ;;
  *)
    echo "ops: unknown command $command (see --help)" >&2; exit 2 ;;
esac
