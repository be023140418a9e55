# The three services on Fargate in the private subnets. Each container gets the environment variables its
# application.yml reads (infra-tests checks that none is missing), built from the resources below.

locals {
  service_ports = {
    api        = 8000
    worker     = 8001
    aggregator = 8002
  }

  images = {
    for key, name in local.service_names :
    key => lookup(var.service_images, key, "${aws_ecr_repository.service[key].repository_url}:${var.image_tag}")
  }

  common_environment = {
    AWS_REGION = var.aws_region
    # share of traces recorded; the W3C trace context is propagated api -> SQS -> worker -> EventBridge -> aggregator
    # either way (docs/runbook.md "Logs and traces")
    TRACING_SAMPLING_PROBABILITY = tostring(var.tracing_sampling_probability)
  }

  # spans go to an OpenTelemetry collector (e.g. an ADOT sidecar forwarding to X-Ray) only when one is named
  tracing_export_environment = var.otlp_traces_endpoint == "" ? {} : {
    MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT = var.otlp_traces_endpoint
  }


  # api and worker: several instances share reply streams through the cache (enabled here on purpose: the
  # services' own default is off, for a single local instance)
  redis_environment = {
    STREAM_REDIS_ENABLED          = "true"
    REDIS_HOST                    = aws_elasticache_replication_group.stream.primary_endpoint_address
    REDIS_PORT                    = tostring(aws_elasticache_replication_group.stream.port)
    SPRING_DATA_REDIS_SSL_ENABLED = "true"
  }

  api_environment = {
    PORT = tostring(local.service_ports.api)
    # the most api instances that may run at once (autoscaling): above 1 each refuses to start unless Redis answers
    STREAM_API_INSTANCES = tostring(max(var.api_min_count, var.api_max_count))
    COGNITO_USER_POOL_ID = aws_cognito_user_pool.this.id
    COGNITO_CLIENT_ID    = aws_cognito_user_pool_client.web.id
    COGNITO_ISSUER_URI   = local.cognito_issuer
    COGNITO_JWK_SET_URI  = "${local.cognito_issuer}/.well-known/jwks.json"
    TENANT_CLAIM         = var.tenant_claim
    SESSIONS_TABLE       = aws_dynamodb_table.sessions.name
    MESSAGES_TABLE       = aws_dynamodb_table.messages.name
    USAGE_ROLLUPS_TABLE  = aws_dynamodb_table.usage_rollups.name
    USAGE_ROLLUP_SHARDS  = tostring(var.usage_rollup_shards)
    # erasure replaces user ids in raw usage rows by a pseudonym (issue 24)
    USAGE_TABLE            = aws_dynamodb_table.usage.name
    CHAT_REQUESTS_QUEUE    = aws_sqs_queue.chat_requests.name
    CHAT_REQUESTS_DLQ      = aws_sqs_queue.chat_requests_dlq.name
    USAGE_EVENTS_QUEUE     = aws_sqs_queue.usage_events.name
    USAGE_EVENTS_DLQ       = aws_sqs_queue.usage_events_dlq.name
    CHAT_GROUP_BY          = var.chat_group_by
    CHAT_MAX_MESSAGE_CHARS = tostring(var.chat_max_message_chars)
    # conversations expire this many days after their last message (0: kept forever; DynamoDB TTL on expires_at)
    RETENTION_DAYS = tostring(var.retention_days)
    # the web client signs users in through the hosted UI (authorization code + PKCE) and returns to /
    COGNITO_HOSTED_UI_URL = "https://${aws_cognito_user_pool_domain.this.domain}.auth.${var.aws_region}.amazoncognito.com"
    WEB_REDIRECT_URI      = "${local.public_url}/"
    TENANTS_TABLE         = aws_dynamodb_table.tenants.name
    API_KEYS_TABLE        = aws_dynamodb_table.api_keys.name
    AUDIT_TABLE           = aws_dynamodb_table.audit.name
    JOBS_TABLE            = aws_dynamodb_table.jobs.name
    # tenant profiles (ADR 007): the models a profile may name, and the worker's provider
    MODELS_ALLOWED            = join(",", var.models_allowed)
    PROFILE_MAX_OUTPUT_TOKENS = tostring(coalesce(var.profile_max_output_tokens, var.bedrock_max_tokens))
    MODEL_PROVIDER            = local.agentcore_runtime_configured ? "agentcore" : (local.bedrock_agent_configured ? "bedrock-agent" : (var.openai_base_url != "" ? "openai" : "bedrock"))
    # unregistered tenants are refused here (the services' own default gives them a tier, for local runs)
    UNKNOWN_TENANTS    = "refuse"
    DEFAULT_TIER       = var.default_tier
    BEDROCK_MAX_TOKENS = tostring(var.bedrock_max_tokens)
    # the OpenAI-compatible /v1 (docs/api.md): the models tenants may name, by default the worker's model
    BEDROCK_MODEL_ID      = var.bedrock_model_id
    OPENAI_ALLOWED_MODELS = join(",", length(var.openai_allowed_models) > 0 ? var.openai_allowed_models : [var.bedrock_model_id])
  }

  # tenantchat.aws.scoped-credentials.role-arn (docs/architecture.md)
  api_scoped_credentials_environment = var.enable_scoped_credentials ? {
    TENANTCHAT_AWS_SCOPED_CREDENTIALS_ROLE_ARN = aws_iam_role.tenant_scoped.arn
  } : {}

  worker_environment = {
    PORT                        = tostring(local.service_ports.worker)
    SESSIONS_TABLE              = aws_dynamodb_table.sessions.name
    MESSAGES_TABLE              = aws_dynamodb_table.messages.name
    TENANTS_TABLE               = aws_dynamodb_table.tenants.name
    CHAT_REQUESTS_QUEUE         = aws_sqs_queue.chat_requests.name
    CHAT_REQUESTS_DLQ           = aws_sqs_queue.chat_requests_dlq.name
    BEDROCK_MODEL_ID            = var.bedrock_model_id
    BEDROCK_MAX_TOKENS          = tostring(var.bedrock_max_tokens)
    MODEL_TEMPERATURE           = tostring(var.model_temperature)
    BEDROCK_AGENT_ID            = var.bedrock_agent_id
    BEDROCK_AGENT_ALIAS_ID      = var.bedrock_agent_alias_id
    BEDROCK_AGENT_ENABLE_TRACE  = tostring(var.bedrock_agent_enable_trace)
    AGENTCORE_RUNTIME_ARN       = var.agentcore_runtime_arn
    AGENTCORE_QUALIFIER         = var.agentcore_qualifier
    OPENAI_BASE_URL             = var.openai_base_url
    OPENAI_MODEL                = var.openai_model
    USAGE_BUS                   = aws_cloudwatch_event_bus.usage.name
    WORKER_MAX_IN_FLIGHT        = tostring(var.worker_max_in_flight)
    PROFILE_CACHE_TTL           = var.profile_cache_ttl
    PROFILE_ANNOUNCED_CACHE_TTL = var.profile_announced_cache_ttl
    PROMPT_CACHING_MODELS       = join(",", var.prompt_caching_models)
    GUARDRAIL_STREAM_MODE       = var.guardrail_stream_mode
  }

  # ECS secrets (Secrets Manager ARNs), injected by the execution role; an empty ARN means "not used"
  worker_secret_arns = {
    OPENAI_API_KEY = var.openai_api_key_secret_arn
  }

  # api only: the erasure pseudonym key (tenantchat.erasure.pseudonym-key; the api does not start without it)
  api_secret_arns = {
    ERASURE_PSEUDONYM_KEY = aws_secretsmanager_secret.erasure_pseudonym_key.arn
  }

  # api and worker: the stream cache's AUTH token (spring.data.redis.password)
  cache_secret_arns = {
    REDIS_PASSWORD = aws_secretsmanager_secret.cache_auth.arn
  }

  aggregator_environment = {
    PORT               = tostring(local.service_ports.aggregator)
    USAGE_EVENTS_QUEUE = aws_sqs_queue.usage_events.name
    USAGE_EVENTS_DLQ   = aws_sqs_queue.usage_events_dlq.name
    # events naming another account are refused (dead-lettered with their reason), never counted
    USAGE_EXPECTED_ACCOUNT = local.account_id
    USAGE_TABLE            = aws_dynamodb_table.usage.name
    USAGE_ROLLUPS_TABLE    = aws_dynamodb_table.usage_rollups.name
    USAGE_ROLLUP_SHARDS    = tostring(var.usage_rollup_shards)
    TENANTS_TABLE          = aws_dynamodb_table.tenants.name
    # a re-aggregation (the same task definition run as a command) records itself in the tenant's audit trail
    AUDIT_TABLE = aws_dynamodb_table.audit.name
  }

  # read-only root file system; Tomcat and the JVM write only to /tmp
  tmp_mount = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
}

resource "aws_ecs_cluster" "this" {
  name = var.name_prefix

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "service" {
  for_each          = local.service_names
  name              = "/${var.name_prefix}/${each.value}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.data.arn
}

# ---------------------------------------------------------------------------------------------------------------------
# Security groups
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_security_group" "api" {
  name        = "${var.name_prefix}-api"
  description = "api-service tasks: HTTP from the load balancer"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "api_from_alb" {
  security_group_id            = aws_security_group.api.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = local.service_ports.api
  to_port                      = local.service_ports.api
}

resource "aws_security_group" "worker" {
  name        = "${var.name_prefix}-worker"
  description = "worker-service tasks: no inbound traffic"
  vpc_id      = aws_vpc.this.id
}

resource "aws_security_group" "aggregator" {
  name        = "${var.name_prefix}-aggregator"
  description = "usage-aggregator tasks: no inbound traffic"
  vpc_id      = aws_vpc.this.id
}

# outbound: AWS APIs (through the NAT gateway or the DynamoDB endpoint) and the cache
resource "aws_vpc_security_group_egress_rule" "service_tasks" {
  for_each = {
    api        = aws_security_group.api.id
    worker     = aws_security_group.worker.id
    aggregator = aws_security_group.aggregator.id
  }
  security_group_id = each.value
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

# ---------------------------------------------------------------------------------------------------------------------
# Task definitions
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_ecs_task_definition" "api" {
  family                   = "${var.name_prefix}-api-service"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.api_cpu
  memory                   = var.api_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.api_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([{
    name                   = local.service_names.api
    image                  = local.images.api
    essential              = true
    readonlyRootFilesystem = true
    mountPoints            = local.tmp_mount
    stopTimeout            = 30
    portMappings           = [{ containerPort = local.service_ports.api, protocol = "tcp" }]
    environment = [
      for name, value in merge(local.common_environment, local.tracing_export_environment, local.redis_environment, local.api_environment, local.api_scoped_credentials_environment) :
      { name = name, value = value }
    ]
    secrets = [
      for name, arn in merge(local.cache_secret_arns, local.api_secret_arns) : { name = name, valueFrom = arn }
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.service["api"].name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "api"
      }
    }
  }])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.name_prefix}-worker-service"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.worker_cpu
  memory                   = var.worker_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.worker_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  volume {
    name = "tmp"
  }

  # stopTimeout: a job in flight (model call up to 45 s) may finish before the task stops
  container_definitions = jsonencode([{
    name                   = local.service_names.worker
    image                  = local.images.worker
    essential              = true
    readonlyRootFilesystem = true
    mountPoints            = local.tmp_mount
    stopTimeout            = 60
    portMappings           = [{ containerPort = local.service_ports.worker, protocol = "tcp" }]
    environment = [
      for name, value in merge(local.common_environment, local.tracing_export_environment, local.redis_environment, local.worker_environment, local.tenant_models_environment) :
      { name = name, value = value }
    ]
    secrets = [
      for name, arn in merge(local.cache_secret_arns, local.worker_secret_arns) : { name = name, valueFrom = arn } if arn != ""
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.service["worker"].name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "worker"
      }
    }
  }])
}

resource "aws_ecs_task_definition" "aggregator" {
  family                   = "${var.name_prefix}-usage-aggregator"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.aggregator_cpu
  memory                   = var.aggregator_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.aggregator_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([{
    name                   = local.service_names.aggregator
    image                  = local.images.aggregator
    essential              = true
    readonlyRootFilesystem = true
    mountPoints            = local.tmp_mount
    stopTimeout            = 30
    portMappings           = [{ containerPort = local.service_ports.aggregator, protocol = "tcp" }]
    environment = [
      for name, value in merge(local.common_environment, local.tracing_export_environment, local.aggregator_environment) :
      { name = name, value = value }
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.service["aggregator"].name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "aggregator"
      }
    }
  }])
}

# ---------------------------------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_ecs_service" "api" {
  name                               = local.service_names.api
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = var.api_min_count
  launch_type                        = "FARGATE"
  health_check_grace_period_seconds  = 90
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  propagate_tags                     = "SERVICE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.api.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = local.service_names.api
    container_port   = local.service_ports.api
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.http, aws_lb_listener.https]
}

resource "aws_ecs_service" "worker" {
  name                               = local.service_names.worker
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.worker.arn
  desired_count                      = var.worker_min_count
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  propagate_tags                     = "SERVICE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.worker.id]
    assign_public_ip = false
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_ecs_service" "aggregator" {
  name                               = local.service_names.aggregator
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.aggregator.arn
  desired_count                      = var.aggregator_count
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  propagate_tags                     = "SERVICE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.aggregator.id]
    assign_public_ip = false
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
