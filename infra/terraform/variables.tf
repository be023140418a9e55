# Variables named after an application setting carry that setting's environment variable name in lower case
# (sessions_table -> SESSIONS_TABLE) and the same default as the services' application.yml. infra-tests checks both.

# ---------------------------------------------------------------------------------------------------------------------
# Application settings (environment variables of the services)
# ---------------------------------------------------------------------------------------------------------------------

variable "aws_region" {
  description = "AWS_REGION: region of every resource and of the services' AWS clients."
  type        = string
  default     = "us-east-1"
}

variable "sessions_table" {
  description = "SESSIONS_TABLE: sessions table name (api, worker)."
  type        = string
  default     = "tenant-sessions"
}

variable "messages_table" {
  description = "MESSAGES_TABLE: messages table name (api, worker)."
  type        = string
  default     = "tenant-messages"
}

variable "usage_table" {
  description = "USAGE_TABLE: raw usage rows (usage-aggregator)."
  type        = string
  default     = "tenant-usage"
}

variable "usage_rollups_table" {
  description = "USAGE_ROLLUPS_TABLE: sharded hour/day/month rollups and event markers (api reads, usage-aggregator writes)."
  type        = string
  default     = "tenant-usage-rollups"
}

variable "tenants_table" {
  description = "TENANTS_TABLE: tenant plans, quota counters and per-message holds (api reads and writes; worker and usage-aggregator release holds)."
  type        = string
  default     = "tenants"
}

variable "api_keys_table" {
  description = "API_KEYS_TABLE: per-tenant API keys by key id, with a tenant index (api reads and writes)."
  type        = string
  default     = "tenant-api-keys"
}

variable "audit_table" {
  description = "AUDIT_TABLE: the tenant audit trail, one hash-chained entry per tenant and sequence number (api appends and reads)."
  type        = string
  default     = "tenant-audit"
}

variable "jobs_table" {
  description = "JOBS_TABLE: erasure jobs and their certificates, one partition per subject tenant (api writes and reads)."
  type        = string
  default     = "tenant-jobs"
}

variable "default_tier" {
  description = "DEFAULT_TIER: tier of a tenant that is not registered, when UNKNOWN_TENANTS is default-tier (the deployment refuses them)."
  type        = string
  default     = "open"
}

variable "usage_rollup_shards" {
  description = "USAGE_ROLLUP_SHARDS: rollup partitions per tenant and granularity; the same in api and usage-aggregator, never lowered (ADR 003)."
  type        = number
  default     = 4
}

variable "chat_requests_queue" {
  description = "CHAT_REQUESTS_QUEUE: the FIFO job queue (api sends, worker receives)."
  type        = string
  default     = "chat-requests.fifo"

  validation {
    condition     = endswith(var.chat_requests_queue, ".fifo")
    error_message = "A FIFO queue name ends with .fifo."
  }
}

variable "chat_requests_dlq" {
  description = "CHAT_REQUESTS_DLQ: dead-letter queue of chat-requests (worker also sends poison jobs there)."
  type        = string
  default     = "chat-requests-dlq.fifo"

  validation {
    condition     = endswith(var.chat_requests_dlq, ".fifo")
    error_message = "The dead-letter queue of a FIFO queue is a FIFO queue: its name ends with .fifo."
  }
}

variable "usage_events_queue" {
  description = "USAGE_EVENTS_QUEUE: standard queue the EventBridge rule delivers ModelInvoked events to (usage-aggregator)."
  type        = string
  default     = "usage-events"
}

variable "usage_events_dlq" {
  description = "Dead-letter queue of usage-events, also the DLQ of the EventBridge target."
  type        = string
  default     = "usage-events-dlq"
}

variable "usage_bus" {
  description = "USAGE_BUS: custom EventBridge bus the worker publishes ModelInvoked to."
  type        = string
  default     = "tenantchat-usage"
}

variable "tenant_claim" {
  description = "TENANT_CLAIM: ID-token claim that carries the tenant."
  type        = string
  default     = "custom:tenant_id"
}

variable "chat_group_by" {
  description = "CHAT_GROUP_BY: FIFO message group per 'session' ({tenant}#{session}) or per 'tenant'."
  type        = string
  default     = "session"

  validation {
    condition     = contains(["session", "tenant"], var.chat_group_by)
    error_message = "chat_group_by is 'session' or 'tenant'."
  }
}

variable "retention_days" {
  description = "RETENTION_DAYS: days a message is kept after it was sent, and a session after its last message (DynamoDB TTL on expires_at; reads leave expired items out); 0 keeps them forever."
  type        = number
  default     = 0

  validation {
    condition     = var.retention_days >= 0 && floor(var.retention_days) == var.retention_days
    error_message = "retention_days is a whole number of days, 0 or more."
  }
}

variable "chat_max_message_chars" {
  description = "CHAT_MAX_MESSAGE_CHARS: longest accepted user message."
  type        = number
  default     = 32000
}

variable "bedrock_model_id" {
  description = "BEDROCK_MODEL_ID: model id, inference profile id (us./eu./apac./global. prefix) or ARN."
  type        = string
  default     = "anthropic.claude-3-5-sonnet-20241022-v2:0"
}

variable "openai_allowed_models" {
  description = "OPENAI_ALLOWED_MODELS: models every tenant may name on /v1 (empty: bedrock_model_id); a tenant plan's model_override is added for its tenant."
  type        = list(string)
  default     = []
}

variable "bedrock_max_tokens" {
  description = "BEDROCK_MAX_TOKENS: maxTokens sent with every model call (reserves quota)."
  type        = number
  default     = 1024
}

variable "model_temperature" {
  description = "MODEL_TEMPERATURE: sampling temperature."
  type        = number
  default     = 0.7
}

variable "bedrock_model_arns" {
  description = "ARNs the worker may invoke. Empty: derived from bedrock_model_id (foundation model, or inference profile plus its foundation model in every region it routes to)."
  type        = list(string)
  default     = []
}

variable "bedrock_agent_id" {
  description = "BEDROCK_AGENT_ID: a Bedrock Agent to use instead of the model (with bedrock_agent_alias_id)."
  type        = string
  default     = ""
}

variable "bedrock_agent_alias_id" {
  description = "BEDROCK_AGENT_ALIAS_ID: alias of bedrock_agent_id."
  type        = string
  default     = ""
}

variable "bedrock_agent_enable_trace" {
  description = "BEDROCK_AGENT_ENABLE_TRACE: ask the agent for its trace (token usage comes from it)."
  type        = bool
  default     = false
}

variable "agentcore_runtime_arn" {
  description = "AGENTCORE_RUNTIME_ARN: an AgentCore Runtime to use instead of the model."
  type        = string
  default     = ""
}

variable "agentcore_qualifier" {
  description = "AGENTCORE_QUALIFIER: endpoint qualifier of the AgentCore Runtime."
  type        = string
  default     = "DEFAULT"
}

variable "openai_base_url" {
  description = "OPENAI_BASE_URL: an OpenAI-compatible server to use instead of Bedrock (reachable from the VPC)."
  type        = string
  default     = ""
}

variable "openai_model" {
  description = "OPENAI_MODEL: model name on the OpenAI-compatible server."
  type        = string
  default     = ""
}

variable "openai_api_key_secret_arn" {
  description = "Secrets Manager ARN whose value becomes OPENAI_API_KEY in the worker (an ECS secret, never plain environment)."
  type        = string
  default     = ""
}

variable "enable_scoped_credentials" {
  description = "Pass the tenant-scoped role to api-service (tenantchat.aws.scoped-credentials.role-arn): every tenant-keyed DynamoDB call of api-service is then signed with that tenant's STS session credentials (docs/security.md)."
  type        = bool
  default     = true
}

# ---------------------------------------------------------------------------------------------------------------------
# Deployment
# ---------------------------------------------------------------------------------------------------------------------

variable "name_prefix" {
  description = "Prefix of every resource name that is not an application setting."
  type        = string
  default     = "tenantchat"
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

variable "deletion_protection" {
  description = "Protect tables, the user pool and the load balancer against deletion."
  type        = bool
  default     = true
}

variable "vpc_cidr" {
  description = "CIDR of the VPC the services run in."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Availability zones used (public and private subnet in each)."
  type        = number
  default     = 2
}

variable "image_tag" {
  description = "Tag of the three service images in their ECR repositories (use the git commit)."
  type        = string
  default     = "latest"
}

variable "service_images" {
  description = "Full image references overriding the ECR ones, keyed api, worker, aggregator."
  type        = map(string)
  default     = {}
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64: must match the images."
  type        = string
  default     = "X86_64"
}

variable "api_cpu" {
  description = "api-service task CPU units."
  type        = number
  default     = 512
}

variable "api_memory" {
  description = "api-service task memory (MiB)."
  type        = number
  default     = 1024
}

variable "api_min_count" {
  description = "Fewest api-service tasks."
  type        = number
  default     = 2
}

variable "api_max_count" {
  description = "Most api-service tasks."
  type        = number
  default     = 10
}

variable "api_cpu_target_percent" {
  description = "Average CPU the api-service scaling policy keeps."
  type        = number
  default     = 60
}

variable "api_requests_per_target" {
  description = "ALB requests per api-service task per minute the second scaling policy keeps."
  type        = number
  default     = 3000
}

variable "worker_cpu" {
  description = "worker-service task CPU units."
  type        = number
  default     = 512
}

variable "worker_memory" {
  description = "worker-service task memory (MiB): room for worker_max_in_flight streaming replies (heap under 1 GiB at 2,000)."
  type        = number
  default     = 2048
}

variable "worker_max_in_flight" {
  description = "Chat jobs one worker-service task holds at once, each on a virtual thread (docs/adr/005-worker-execution-model.md)."
  type        = number
  default     = 2000
}

variable "worker_min_count" {
  description = "Fewest worker-service tasks."
  type        = number
  default     = 1
}

variable "worker_max_count" {
  description = "Most worker-service tasks."
  type        = number
  default     = 20
}

variable "worker_backlog_per_task" {
  description = "Visible chat-requests messages per worker task the scaling policy keeps (a task handles 10 at a time)."
  type        = number
  default     = 20
}

variable "aggregator_cpu" {
  description = "usage-aggregator task CPU units."
  type        = number
  default     = 256
}

variable "aggregator_memory" {
  description = "usage-aggregator task memory (MiB)."
  type        = number
  default     = 512
}

variable "aggregator_count" {
  description = "usage-aggregator tasks."
  type        = number
  default     = 1
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS on the load balancer. Empty: plain HTTP on port 80 (tests only)."
  type        = string
  default     = ""
}

variable "domain_name" {
  description = "DNS name that points at the load balancer (record managed elsewhere). Empty: the load balancer's own name."
  type        = string
  default     = ""
}

variable "allowed_ingress_cidrs" {
  description = "Networks allowed to reach the load balancer."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "alb_idle_timeout_seconds" {
  description = "Load balancer idle timeout; above the WebSocket ping interval so idle sockets stay open."
  type        = number
  default     = 300

  validation {
    condition     = var.alb_idle_timeout_seconds >= 120 && var.alb_idle_timeout_seconds <= 4000
    error_message = "Keep the idle timeout between 120 s (WebSocket pings) and 4000 s (ALB maximum)."
  }
}

variable "cognito_domain_prefix" {
  description = "Hosted UI domain prefix. Empty: <name_prefix>-<account id>."
  type        = string
  default     = ""
}

variable "callback_urls" {
  description = "OAuth callback URLs of the web client (https, or http://localhost for development)."
  type        = list(string)
  default     = ["http://localhost:8000/"]
}

variable "logout_urls" {
  description = "Sign-out URLs of the web client."
  type        = list(string)
  default     = ["http://localhost:8000/"]
}

variable "id_token_validity_minutes" {
  description = "ID token lifetime (5 to 1440 minutes)."
  type        = number
  default     = 60
}

variable "access_token_validity_minutes" {
  description = "Access token lifetime (5 to 1440 minutes)."
  type        = number
  default     = 60
}

variable "refresh_token_validity_days" {
  description = "Refresh token lifetime in days."
  type        = number
  default     = 30
}

variable "cache_node_type" {
  description = "ElastiCache node type of the stream fan-out cache."
  type        = string
  default     = "cache.t4g.micro"
}

variable "cache_nodes" {
  description = "Cache nodes (2 or more: a replica with automatic failover)."
  type        = number
  default     = 2
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention of the services' logs."
  type        = number
  default     = 30
}

variable "usage_archive_retention_days" {
  description = "Days the usage bus archive keeps events for replay."
  type        = number
  default     = 30
}

variable "alarm_email" {
  description = "E-mail subscribed to the alarm topic (empty: none)."
  type        = string
  default     = ""
}

variable "chat_requests_max_age_seconds" {
  description = "Alarm when the oldest chat job has waited this long."
  type        = number
  default     = 300
}

variable "usage_events_max_age_seconds" {
  description = "Alarm when the oldest usage event has waited this long."
  type        = number
  default     = 900
}

variable "model_throttles_per_5_minutes" {
  description = "Alarm when Bedrock throttles more invocations than this in 5 minutes."
  type        = number
  default     = 10
}

variable "api_5xx_percent" {
  description = "Alarm when more than this share of requests answer 5xx."
  type        = number
  default     = 5
}

variable "tracing_sampling_probability" {
  description = "TRACING_SAMPLING_PROBABILITY: share of traces recorded and exported (0.0-1.0); trace ids reach the logs either way."
  type        = number
  default     = 0.1
  validation {
    condition     = var.tracing_sampling_probability >= 0 && var.tracing_sampling_probability <= 1
    error_message = "tracing_sampling_probability is a share between 0 and 1."
  }
}

variable "otlp_traces_endpoint" {
  description = "OTLP/HTTP endpoint for spans (e.g. http://localhost:4318/v1/traces for an ADOT collector sidecar); empty: spans are not exported."
  type        = string
  default     = ""
}

variable "tenant_inference_profiles" {
  description = "Tenants that get their own Bedrock application inference profile, tagged TenantId for cost allocation: tenant id => the model id or cross-region profile id it copies (e.g. us.anthropic.claude-sonnet-4-20250514-v1:0). The worker calls each tenant's profile ARN and prices it as that model."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for tenant in keys(var.tenant_inference_profiles) : can(regex("^[A-Za-z0-9_-]{1,64}$", tenant))])
    error_message = "Every key of tenant_inference_profiles is a tenant id (1-64 of A-Z a-z 0-9 _ -)."
  }
}

variable "models_allowed" {
  description = "MODELS_ALLOWED: model ids or cross-region profile ids a tenant profile may name; the worker may invoke each."
  type        = list(string)
  default     = []
}

variable "profile_max_output_tokens" {
  description = "PROFILE_MAX_OUTPUT_TOKENS: the largest max_output_tokens a tenant profile may set (null: bedrock_max_tokens; never above it, the output admission reserves per message: the api refuses to start)."
  type        = number
  default     = null
}

variable "profile_cache_ttl" {
  description = "PROFILE_CACHE_TTL: without Redis, how long a worker uses a tenant's profile before reading it again (the longest a change takes to apply)."
  type        = string
  default     = "5s"
}

variable "profile_announced_cache_ttl" {
  description = "PROFILE_ANNOUNCED_CACHE_TTL: with Redis (as deployed), how long a worker uses a tenant's profile and cap; the api announces every saved change and workers forget the tenant at once, so this bounds only a missed announcement."
  type        = string
  default     = "5m"
}

variable "prompt_caching_models" {
  description = "PROMPT_CACHING_MODELS: models that get Bedrock prompt caching (a cachePoint after the system prompt and after the history)."
  type        = list(string)
  default = [
    "anthropic.claude-3-7-sonnet-20250219-v1:0",
    "anthropic.claude-3-5-haiku-20241022-v1:0",
    "anthropic.claude-sonnet-4-20250514-v1:0",
    "anthropic.claude-opus-4-20250514-v1:0",
    "amazon.nova-micro-v1:0",
    "amazon.nova-lite-v1:0",
    "amazon.nova-pro-v1:0",
  ]
}

variable "guardrail_stream_mode" {
  description = "GUARDRAIL_STREAM_MODE: a tenant guardrail on the reply stream, sync (checked before it streams) or async."
  type        = string
  default     = "sync"

  validation {
    condition     = contains(["sync", "async"], var.guardrail_stream_mode)
    error_message = "guardrail_stream_mode is sync or async."
  }
}
