# ---------------------------------------------------------------------------------------------------------------------
# Per-tenant application inference profiles (docs/usage-and-quotas.md "Cost per tenant"): each configured tenant's
# replies go through its own profile, tagged TenantId, so Cost Explorer and the CUR split Bedrock spend by tenant;
# the worker calls the profile's ARN (tenantchat.model.tenant-models) and prices it as the model it copies
# (tenantchat.usage.inference-profiles). Tenants may also pick any model of var.models_allowed in their profile.
# ---------------------------------------------------------------------------------------------------------------------

locals {
  cross_region_prefix = "^(us|eu|apac|global|us-gov|jp|au|ca)\\."

  # what an id routes to: a cross-region profile reaches its foundation model in several regions
  model_invoke_arns = { for model in distinct(concat(values(var.tenant_inference_profiles), var.models_allowed)) :
    model => can(regex(local.cross_region_prefix, model)) ? [
      "arn:${local.partition}:bedrock:${var.aws_region}:${local.account_id}:inference-profile/${model}",
      "arn:${local.partition}:bedrock:*::foundation-model/${replace(model, "/^[a-z-]+\\./", "")}",
    ] : ["arn:${local.partition}:bedrock:${var.aws_region}::foundation-model/${model}"]
  }

  # the model the worker may invoke beyond BEDROCK_MODEL_ID: tenants' profiles and what they copy, allowed models
  tenant_model_arns = distinct(concat(
    [for profile in aws_bedrock_inference_profile.tenant : profile.arn],
    flatten(values(local.model_invoke_arns)),
  ))
  worker_model_arns = distinct(concat(local.bedrock_model_arns, local.tenant_model_arns))

  # tenantchat.model.tenant-models and tenantchat.usage.inference-profiles, for the worker (SPRING_APPLICATION_JSON)
  tenant_models_environment = length(var.tenant_inference_profiles) == 0 ? {} : {
    SPRING_APPLICATION_JSON = jsonencode({
      tenantchat = {
        model = { tenant-models = { for tenant, profile in aws_bedrock_inference_profile.tenant : tenant => profile.arn } }
        usage = {
          inference-profiles = [for tenant, profile in aws_bedrock_inference_profile.tenant :
          { arn = profile.arn, model-id = var.tenant_inference_profiles[tenant] }]
        }
      }
    })
  }
}

resource "aws_bedrock_inference_profile" "tenant" {
  for_each    = var.tenant_inference_profiles
  name        = "${var.name_prefix}-${each.key}"
  description = "TenantChat replies of tenant ${each.key}"

  model_source {
    copy_from = local.model_invoke_arns[each.value][0]
  }

  tags = {
    TenantId = each.key
  }
}

# TenantId becomes a cost allocation tag (Billing): spend per tenant in Cost Explorer and the CUR
resource "aws_ce_cost_allocation_tag" "tenant_id" {
  count   = length(var.tenant_inference_profiles) > 0 ? 1 : 0
  tag_key = "TenantId"
  status  = "Active"
}
