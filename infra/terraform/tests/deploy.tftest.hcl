# Where Terraform is installed: `terraform init -backend=false && terraform test` (no AWS account needed).
# Plans and applies the whole configuration against a mocked AWS provider and checks what the services receive.

mock_provider "aws" {
  source = "./tests/mocks"
}

run "defaults_give_the_services_their_settings" {
  command = apply

  assert {
    condition = alltrue([for line in [
      "SESSIONS_TABLE=tenant-sessions",
      "MESSAGES_TABLE=tenant-messages",
      "USAGE_TABLE=tenant-usage",
      "USAGE_ROLLUPS_TABLE=tenant-usage-rollups",
      "CHAT_REQUESTS_QUEUE=chat-requests.fifo",
      "USAGE_EVENTS_QUEUE=usage-events",
      "USAGE_BUS=tenantchat-usage",
      "COGNITO_USER_POOL_ID=us-east-1_AbCdEfGhI",
      "COGNITO_ISSUER_URI=https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI",
      "AWS_REGION=us-east-1",
    ] : strcontains(output.DotEnv, "${line}\n")])
    error_message = "DotEnv lacks a setting: ${output.DotEnv}"
  }

  assert {
    condition     = !strcontains(output.DotEnv, "PORT=")
    error_message = "PORT differs per service and stays out of .env.aws"
  }

  assert {
    condition     = [for secret in jsondecode(aws_ecs_task_definition.worker.container_definitions)[0].secrets : secret.name] == ["REDIS_PASSWORD"]
    error_message = "no OpenAI key secret unless one is configured; the cache AUTH token always"
  }

  assert {
    condition     = aws_elasticache_replication_group.stream.transit_encryption_enabled && aws_elasticache_replication_group.stream.auth_token == random_password.cache_auth.result
    error_message = "the stream cache takes TLS connections with the AUTH token only"
  }

  assert {
    condition     = jsonencode(local.bedrock_model_arns) == jsonencode(["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0"])
    error_message = "the worker may invoke exactly the configured foundation model"
  }

  assert {
    condition     = output.PublicUrl == "http://tenantchat-alb-1.us-east-1.elb.amazonaws.com"
    error_message = "without a certificate the load balancer serves plain HTTP"
  }

  assert {
    condition     = length(aws_iam_role_policy.worker_bedrock_agent) == 0 && length(aws_iam_role_policy.worker_agentcore_runtime) == 0
    error_message = "no agent permissions unless an agent is configured"
  }
}

run "every_option_switched_on" {
  command = apply

  variables {
    certificate_arn           = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    domain_name               = "chat.example.com"
    bedrock_model_id          = "us.anthropic.claude-3-5-sonnet-20241022-v2:0"
    bedrock_agent_id          = "AGENT12345"
    bedrock_agent_alias_id    = "ALIAS12345"
    agentcore_runtime_arn     = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/tenantchat-agent"
    openai_api_key_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:openai-key"
    enable_scoped_credentials = true
    alarm_email               = "ops@example.com"
  }

  assert {
    condition = jsonencode(local.bedrock_model_arns) == jsonencode([
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
      "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
    ])
    error_message = "an inference profile needs the profile and its foundation model in the regions it routes to"
  }

  assert {
    condition     = output.PublicUrl == "https://chat.example.com"
    error_message = "with a certificate and a domain the public URL is https on the domain"
  }

  assert {
    condition     = contains(aws_cognito_user_pool_client.web.callback_urls, "https://chat.example.com/")
    error_message = "the deployed web client is an OAuth callback"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.worker.container_definitions)[0].secrets == [{ name = "OPENAI_API_KEY", valueFrom = "arn:aws:secretsmanager:us-east-1:123456789012:secret:openai-key" }]
    error_message = "the OpenAI key reaches the worker as an ECS secret"
  }

  assert {
    condition     = contains([for e in jsondecode(aws_ecs_task_definition.api.container_definitions)[0].environment : e.name], "TENANTCHAT_AWS_SCOPED_CREDENTIALS_ROLE_ARN")
    error_message = "scoped credentials pass the tenant role to api-service"
  }

  assert {
    condition     = length(aws_iam_role_policy.worker_bedrock_agent) == 1 && length(aws_iam_role_policy.worker_agentcore_runtime) == 1
    error_message = "configured agents get their invoke permissions"
  }

  assert {
    condition     = length(aws_lb_listener.https) == 1 && length(aws_lb_listener.http_redirect) == 1 && length(aws_lb_listener.http) == 0
    error_message = "HTTPS serves, HTTP redirects"
  }
}

run "a_tenant_with_its_own_inference_profile_is_tagged_called_and_priced" {
  command = apply

  variables {
    tenant_inference_profiles = { "tenant-001" = "us.anthropic.claude-sonnet-4-20250514-v1:0" }
    models_allowed            = ["anthropic.claude-3-5-haiku-20241022-v1:0"]
  }

  assert {
    condition     = aws_bedrock_inference_profile.tenant["tenant-001"].tags["TenantId"] == "tenant-001"
    error_message = "the tenant's profile carries its TenantId cost allocation tag"
  }

  assert {
    condition     = aws_bedrock_inference_profile.tenant["tenant-001"].model_source[0].copy_from == "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0"
    error_message = "the tenant's profile copies the configured cross-region profile"
  }

  assert {
    condition     = aws_ce_cost_allocation_tag.tenant_id[0].tag_key == "TenantId" && aws_ce_cost_allocation_tag.tenant_id[0].status == "Active"
    error_message = "TenantId is an active cost allocation tag"
  }

  assert {
    condition = jsondecode([for e in jsondecode(aws_ecs_task_definition.worker.container_definitions)[0].environment : e.value if e.name == "SPRING_APPLICATION_JSON"][0]) == {
      tenantchat = {
        model = { tenant-models = { "tenant-001" = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6" } }
        usage = { inference-profiles = [{ arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6", model-id = "us.anthropic.claude-sonnet-4-20250514-v1:0" }] }
      }
    }
    error_message = "the worker calls the tenant's profile ARN and prices it as the model it copies"
  }

  assert {
    condition = alltrue([for arn in [
      "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
      "arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
    ] : contains(local.worker_model_arns, arn)])
    error_message = "the worker may invoke the tenant's profile, what it routes to, and the allowed models"
  }

  assert {
    condition     = strcontains(jsonencode(jsondecode(aws_ecs_task_definition.api.container_definitions)[0].environment), "anthropic.claude-3-5-haiku-20241022-v1:0")
    error_message = "the api gets MODELS_ALLOWED"
  }
}
