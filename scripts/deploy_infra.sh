#!/usr/bin/env bash
# Deploys infra/terraform (terraform init, plan, apply) and writes the deployment's settings to .env.aws as
# KEY=VALUE lines, the environment variables the services and scripts/create-test-user.sh read.
#
#   scripts/deploy_infra.sh [--plan-only] [--auto-approve] [--env-file FILE] [-- <extra terraform plan arguments>]
#   scripts/deploy_infra.sh --outputs-only [--env-file FILE]
#
# Examples:
#   scripts/deploy_infra.sh -- -var image_tag=$(git rev-parse --short HEAD)
#   scripts/deploy_infra.sh --plan-only -- -var-file=prod.tfvars
#   set -a; . ./.env.aws; set +a; scripts/create-test-user.sh --tenant tenant-001 --email a@example.com
#
# Environment: AWS credentials and region as the AWS CLI takes them (AWS_PROFILE, AWS_REGION, ...);
# TF_BACKEND_CONFIG: optional file passed to `terraform init -backend-config=` (for an S3 backend in backend.tf).
# See docs/deployment.md.
set -euo pipefail
cd "$(dirname "$0")/.."

tf_dir=infra/terraform
env_file=.env.aws
plan_only=false
auto_approve=false
outputs_only=false
plan_args=()

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --plan-only) plan_only=true ;;
    --auto-approve) auto_approve=true ;;
    --outputs-only) outputs_only=true ;;
    --env-file) env_file="${2:?--env-file needs a file}"; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; plan_args=("$@"); break ;;
    *) echo "deploy_infra: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v terraform >/dev/null 2>&1; then
  echo "deploy_infra: terraform is not installed (Terraform 1.6 or newer is needed, see docs/deployment.md)" >&2
  exit 1
fi

tf() { terraform -chdir="$tf_dir" "$@"; }

write_env_file() {
  local settings
  # after a targeted apply (e.g. only the image repositories) the outputs do not exist yet
  if ! settings="$(tf output -raw DotEnv 2>/dev/null)"; then
    echo "deploy_infra: no DotEnv output yet (partial apply?): $env_file not written" >&2
    return 0
  fi
  {
    echo "# Written by scripts/deploy_infra.sh from the Terraform outputs of $tf_dir on $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf '%s\n' "$settings"
  } >"$env_file"
  echo "deploy_infra: wrote $env_file"
  echo "deploy_infra: public URL $(tf output -raw PublicUrl), hosted UI $(tf output -raw HostedUiUrl)"
}

if [[ "$outputs_only" == true ]]; then
  write_env_file
  exit 0
fi

init_args=(-input=false)
if [[ -n "${TF_BACKEND_CONFIG:-}" ]]; then
  init_args+=("-backend-config=${TF_BACKEND_CONFIG}")
fi
tf init "${init_args[@]}"
tf validate
tf plan -input=false -out=tfplan ${plan_args[@]+"${plan_args[@]}"}

if [[ "$plan_only" == true ]]; then
  echo "deploy_infra: plan saved to $tf_dir/tfplan (nothing applied)"
  exit 0
fi

if [[ "$auto_approve" != true ]]; then
  answer=""
  read -r -p "Apply this plan? [y/N] " answer || true
  if [[ "$answer" != [yY] ]]; then
    echo "deploy_infra: not applied"
    exit 1
  fi
fi

tf apply -input=false tfplan
rm -f "$tf_dir/tfplan"
write_env_file
