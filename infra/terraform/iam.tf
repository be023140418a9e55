# One task role per service with exactly the calls its code makes, on exactly its resources. Every policy is an
# aws_iam_policy_document, so infra-tests can check every statement: no "*" action, no service-wide wildcard on a
# data service, no "*" resource for DynamoDB, SQS, EventBridge or Bedrock.

locals {
  table_arns = {
    sessions      = aws_dynamodb_table.sessions.arn
    messages      = aws_dynamodb_table.messages.arn
    usage         = aws_dynamodb_table.usage.arn
    usage_rollups = aws_dynamodb_table.usage_rollups.arn
    tenants       = aws_dynamodb_table.tenants.arn
    api_keys      = aws_dynamodb_table.api_keys.arn
    audit         = aws_dynamodb_table.audit.arn
    jobs          = aws_dynamodb_table.jobs.arn
  }

  # an inference profile id (us./eu./apac./global. ...) routes to its foundation model in several regions
  bedrock_inference_profile = can(regex("^(us|eu|apac|global|us-gov|jp|au|ca)\\.", var.bedrock_model_id))
  bedrock_foundation_model  = local.bedrock_inference_profile ? replace(var.bedrock_model_id, "/^[a-z-]+\\./", "") : var.bedrock_model_id
  bedrock_model_arns = length(var.bedrock_model_arns) > 0 ? var.bedrock_model_arns : (
    startswith(var.bedrock_model_id, "arn:") ? [var.bedrock_model_id] : (
      local.bedrock_inference_profile ? [
        "arn:${local.partition}:bedrock:${var.aws_region}:${local.account_id}:inference-profile/${var.bedrock_model_id}",
        "arn:${local.partition}:bedrock:*::foundation-model/${local.bedrock_foundation_model}",
      ] : ["arn:${local.partition}:bedrock:${var.aws_region}::foundation-model/${var.bedrock_model_id}"]
    )
  )

  bedrock_agent_configured     = var.bedrock_agent_id != "" && var.bedrock_agent_alias_id != ""
  agentcore_runtime_configured = var.agentcore_runtime_arn != ""
  openai_api_key_configured    = var.openai_api_key_secret_arn != ""

  # the customer managed key, only as DynamoDB and SQS use it on the caller's behalf
  kms_via_services = ["dynamodb.${var.aws_region}.amazonaws.com", "sqs.${var.aws_region}.amazonaws.com"]
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Execution role: ECS pulls images, writes logs and reads the secrets it injects (the cache AUTH token, the optional
# OpenAI key)
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_iam_role" "execution" {
  name               = "${var.name_prefix}-ecs-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "injected-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    sid       = "CacheAuthToken"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.cache_auth.arn]
  }

  # the cache token's secret is encrypted with the customer managed key
  statement {
    sid       = "CacheAuthTokenKey"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${var.aws_region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "ErasurePseudonymKey"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.erasure_pseudonym_key.arn]
  }

  dynamic "statement" {
    for_each = local.openai_api_key_configured ? [var.openai_api_key_secret_arn] : []
    content {
      sid       = "OpenAiApiKey"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [statement.value]
    }
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# api-service: sessions and messages (read-write), rollups (read), sends chat jobs
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_iam_role" "api_task" {
  name               = "${var.name_prefix}-api-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "api_task" {
  name   = "api-service"
  role   = aws_iam_role.api_task.id
  policy = data.aws_iam_policy_document.api_task.json
}

data "aws_iam_policy_document" "api_task" {
  # DeleteItem: a user deletes a session (DELETE /api/sessions/{id})
  statement {
    sid = "SessionsReadWrite"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
    ]
    resources = [aws_dynamodb_table.sessions.arn, "${aws_dynamodb_table.sessions.arn}/index/*"]
  }

  # TransactWriteItems needs the per-item actions; the table alone is the resource. BatchWriteItem: a deleted
  # session's messages are erased in batches of deletes
  statement {
    sid = "MessagesReadWrite"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
      "dynamodb:BatchWriteItem",
      # an erasure deletes a user's messages, lookups and idempotency items in TransactWriteItems
      "dynamodb:DeleteItem",
    ]
    resources = [aws_dynamodb_table.messages.arn]
  }

  statement {
    sid       = "UsageRollupsRead"
    actions   = ["dynamodb:Query", "dynamodb:GetItem"]
    resources = [aws_dynamodb_table.usage_rollups.arn]
  }

  # erasure (issue 24): an erased user's per-user rollup items move to the pseudonym's item, each in one
  # TransactWriteItems (delete on condition its counters are as read, ADD them to the pseudonym's item); never a put
  statement {
    sid       = "UsageRollupsPseudonymize"
    actions   = ["dynamodb:UpdateItem", "dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.usage_rollups.arn]
  }

  # erasure: the tenant's raw usage rows stay for billing, user_id replaced by a pseudonym (Query of the tenant's
  # partition, conditional update); rows are never added or removed here
  statement {
    sid       = "UsageRowsPseudonymize"
    actions   = ["dynamodb:Query", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.usage.arn]
  }

  # plans and the quota counters (conditional updates in TransactWriteItems); the plan cache reads a tenant's plan
  # and profile in one Query of its partition
  statement {
    sid = "TenantsReadWrite"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
    ]
    resources = [aws_dynamodb_table.tenants.arn]
  }

  # erasure (docs/runbook.md "Erasure"): an off-boarding Queries the tenant's partition and deletes its items in
  # TransactWriteItems with the job's counters
  statement {
    sid       = "TenantsOffboarding"
    actions   = ["dynamodb:Query", "dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.tenants.arn]
  }

  # erasure jobs: started (guard + job put), checkpointed and completed (conditional updates, in transactions with
  # the deletes they count and the audit entry), the guard deleted; read by id (GetItem, or the job_id index for an
  # operator's job of another tenant) and by expired lease (the sweeper's Query of the lease index)
  statement {
    sid = "ErasureJobs"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:ConditionCheckItem",
    ]
    resources = [aws_dynamodb_table.jobs.arn]
  }

  statement {
    sid     = "ErasureJobsByIdAndLease"
    actions = ["dynamodb:Query"]
    resources = [
      "${aws_dynamodb_table.jobs.arn}/index/job_id-index",
      "${aws_dynamodb_table.jobs.arn}/index/run_state-lease_until-index",
    ]
  }

  # per-tenant API keys: created (conditional put), found by key id on every authentication (signed by this role:
  # no tenant is known yet), revoked and marked used (conditional updates), listed per tenant through the index
  statement {
    sid = "ApiKeysReadWrite"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      # an erasure deletes the user's (off-boarding: the tenant's) keys, conditional on the item's tenant
      "dynamodb:DeleteItem",
    ]
    resources = [aws_dynamodb_table.api_keys.arn]
  }

  statement {
    sid       = "ApiKeysByTenant"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.api_keys.arn}/index/tenant_id-created_at-index"]
  }

  # the audit trail: an API key's creation or revocation and its entry are one TransactWriteItems signed by this role
  # (the keys table is not the tenant's); with scoped credentials off, the tenant client's appends and ordered reads
  # too. Entries are only ever appended (conditional put), never updated or deleted
  statement {
    sid       = "AuditAppendAndRead"
    actions   = ["dynamodb:PutItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.audit.arn]
  }

  statement {
    sid       = "ChatRequestsSend"
    actions   = ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.chat_requests.arn]
  }

  # platform operators inspect and replay dead letters through /api/admin/queues (docs/runbook.md)
  statement {
    sid = "DeadLetterOperations"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueUrl",
      "sqs:GetQueueAttributes",
    ]
    resources = [aws_sqs_queue.chat_requests_dlq.arn, aws_sqs_queue.usage_events_dlq.arn]
  }

  # depth only: usage events reach the queue from the EventBridge rule alone (its queue policy), never from this
  # internet-facing role; they are replayed from the EventBridge archive or by an operator's message move task
  statement {
    sid       = "UsageEventsDepth"
    actions   = ["sqs:GetQueueUrl", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.usage_events.arn]
  }

  statement {
    sid       = "TenantScopedCredentials"
    actions   = ["sts:AssumeRole", "sts:TagSession"]
    resources = [aws_iam_role.tenant_scoped.arn]
  }

  statement {
    sid       = "DataKeyThroughDynamoDbAndSqs"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.kms_via_services
    }
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# worker-service: messages and sessions, consumes chat jobs, calls the model, publishes ModelInvoked
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_iam_role" "worker_task" {
  name               = "${var.name_prefix}-worker-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "worker_task" {
  name   = "worker-service"
  role   = aws_iam_role.worker_task.id
  policy = data.aws_iam_policy_document.worker_task.json
}

data "aws_iam_policy_document" "worker_task" {
  statement {
    sid = "MessagesReadWrite"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
    ]
    resources = [aws_dynamodb_table.messages.arn]
  }

  statement {
    sid       = "SessionsCounters"
    actions   = ["dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"]
    resources = [aws_dynamodb_table.sessions.arn]
  }

  # gives back a finished message's quota hold (in flight, and a failed one's tokens) and reads tenants' caps
  statement {
    sid       = "TenantQuotaHolds"
    actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"]
    resources = [aws_dynamodb_table.tenants.arn]
  }

  # tenant profiles (ADR 007): one Query of a tenant's partition reads its plan and profile items together
  statement {
    sid       = "TenantProfilesRead"
    actions   = ["dynamodb:Query"]
    resources = [aws_dynamodb_table.tenants.arn]
  }

  # the stale hold reconciler (ADR 004): finds holds no ending of a message gave back, across tenants
  statement {
    sid       = "TenantQuotaHoldsReconcile"
    actions   = ["dynamodb:Scan"]
    resources = [aws_dynamodb_table.tenants.arn]
  }

  statement {
    sid = "ChatRequestsConsume"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueUrl",
      "sqs:GetQueueAttributes",
    ]
    resources = [aws_sqs_queue.chat_requests.arn]
  }

  statement {
    sid       = "ChatRequestsDeadLetter"
    actions   = ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.chat_requests_dlq.arn]
  }

  # the deployment's model, each tenant's application inference profile (and the model it copies), allowed models
  statement {
    sid       = "ConfiguredModel"
    actions   = ["bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel"]
    resources = local.worker_model_arns
  }

  statement {
    sid       = "UsageEventsPublish"
    actions   = ["events:PutEvents"]
    resources = [aws_cloudwatch_event_bus.usage.arn]
  }

  statement {
    sid       = "DataKeyThroughDynamoDbAndSqs"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.kms_via_services
    }
  }
}

resource "aws_iam_role_policy" "worker_bedrock_agent" {
  count  = local.bedrock_agent_configured ? 1 : 0
  name   = "bedrock-agent"
  role   = aws_iam_role.worker_task.id
  policy = data.aws_iam_policy_document.worker_bedrock_agent.json
}

data "aws_iam_policy_document" "worker_bedrock_agent" {
  statement {
    sid       = "ConfiguredAgentAlias"
    actions   = ["bedrock:InvokeAgent"]
    resources = ["arn:${local.partition}:bedrock:${var.aws_region}:${local.account_id}:agent-alias/${var.bedrock_agent_id}/${var.bedrock_agent_alias_id}"]
  }
}

resource "aws_iam_role_policy" "worker_agentcore_runtime" {
  count  = local.agentcore_runtime_configured ? 1 : 0
  name   = "agentcore-runtime"
  role   = aws_iam_role.worker_task.id
  policy = data.aws_iam_policy_document.worker_agentcore_runtime.json
}

data "aws_iam_policy_document" "worker_agentcore_runtime" {
  statement {
    sid       = "ConfiguredAgentRuntime"
    actions   = ["bedrock-agentcore:InvokeAgentRuntime"]
    resources = [var.agentcore_runtime_arn, "${var.agentcore_runtime_arn}/runtime-endpoint/${var.agentcore_qualifier}"]
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# usage-aggregator: consumes usage events, writes raw rows, markers and rollups
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_iam_role" "aggregator_task" {
  name               = "${var.name_prefix}-aggregator-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "aggregator_task" {
  name   = "usage-aggregator"
  role   = aws_iam_role.aggregator_task.id
  policy = data.aws_iam_policy_document.aggregator_task.json
}

data "aws_iam_policy_document" "aggregator_task" {
  # Query: re-aggregation (ops.sh reaggregate, the same task definition run as a command) reads the raw rows
  statement {
    sid       = "UsageRowsWrite"
    actions   = ["dynamodb:PutItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.usage.arn]
  }

  # Query: re-aggregation reads a month's rollups before it replaces the ones that differ
  statement {
    sid       = "RollupsAndMarkersWrite"
    actions   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.usage_rollups.arn]
  }

  # books real tokens against the tenant's monthly budget and settles the message's reservation; BatchGetItem reads
  # the holds of a whole receive (up to 10 events) at once, GetItem one when a batch falls back to event by event
  statement {
    sid       = "TenantTokenBudgets"
    actions   = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"]
    resources = [aws_dynamodb_table.tenants.arn]
  }

  # re-aggregation (ops.sh reaggregate) appends its entry to the tenant's audit trail: reads the chain's last entry,
  # puts the next on condition its seq is free; never updates or deletes one
  statement {
    sid       = "AuditAppendReaggregation"
    actions   = ["dynamodb:PutItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.audit.arn]
  }

  statement {
    sid = "UsageEventsConsume"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueUrl",
      "sqs:GetQueueAttributes",
    ]
    resources = [aws_sqs_queue.usage_events.arn]
  }

  # refused events (wrong source or account, values no model call has) are kept here with their reason
  statement {
    sid       = "UsageEventsDeadLetter"
    actions   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
    resources = [aws_sqs_queue.usage_events_dlq.arn]
  }

  statement {
    sid       = "DataKeyThroughDynamoDbAndSqs"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.kms_via_services
    }
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Tenant-scoped role (scoped credentials, docs/security.md): assumed per tenant with the session tag TenantId, it
# reaches only items whose partition key belongs to that tenant, whatever key the calling code builds. Narrower than
# the published docs/security/tenant-scoped-dynamodb-policy.json: one key pattern per table and index, and only the
# calls the services make (infra-tests checks it stays within the published policy).
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_iam_role" "tenant_scoped" {
  name                 = "${var.name_prefix}-tenant-scoped"
  assume_role_policy   = data.aws_iam_policy_document.tenant_scoped_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "tenant_scoped" {
  name   = "tenant-items-only"
  role   = aws_iam_role.tenant_scoped.id
  policy = data.aws_iam_policy_document.tenant_scoped.json
}

data "aws_iam_policy_document" "tenant_scoped_trust" {
  statement {
    sid     = "ServiceTasksWithTenantTag"
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.api_task.arn]
    }

    # the TenantId tag must be set, and it is the only tag that may be passed on to chained sessions
    condition {
      test     = "StringLike"
      variable = "aws:RequestTag/TenantId"
      values   = ["?*"]
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "aws:TagKeys"
      values   = ["TenantId"]
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "sts:TransitiveTagKeys"
      values   = ["TenantId"]
    }
  }
}

data "aws_iam_policy_document" "tenant_scoped" {
  # messages ({tenant}#{session}, {tenant}#message#{id}) and rollups ({tenant}#{granularity}#{shard}, markers)
  statement {
    sid = "TenantMessagesAndRollups"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
    ]
    resources = [aws_dynamodb_table.messages.arn, aws_dynamodb_table.usage_rollups.arn]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}#*"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # session_key is {tenant}#{user}#{session}: '#' never occurs in a tenant id, so acme#* never reaches acme-corp
  statement {
    sid = "TenantSessions"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:ConditionCheckItem",
    ]
    resources = [aws_dynamodb_table.sessions.arn]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}#*"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # deleting a session erases its conversation ({tenant}#{session}, {tenant}#message#{id}); IAM checks the key of
  # every request in a BatchWriteItem against the condition
  statement {
    sid       = "TenantConversationErase"
    actions   = ["dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
    resources = [aws_dynamodb_table.messages.arn]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}#*"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # erasure moves a user's rollup items ({tenant}#{granularity}#{shard}) to the pseudonym's: the delete half of each
  # move's TransactWriteItems (the update half is TenantMessagesAndRollups)
  statement {
    sid       = "TenantRollupsPseudonymize"
    actions   = ["dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.usage_rollups.arn]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}#*"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # the tenant's plan, profile, quota counters and holds: partition key exactly {tenant} (plan and profile are read
  # together with one Query of it)
  statement {
    sid = "TenantPlanAndQuota"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
    ]
    resources = [aws_dynamodb_table.tenants.arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # erasure of the tenant's data: an off-boarding Queries the tenant's partition of the tenants table and deletes its
  # items; erasure jobs live in the subject tenant's partition of the jobs table. Partition key exactly {tenant}
  statement {
    sid       = "TenantOffboardingItems"
    actions   = ["dynamodb:Query", "dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.tenants.arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  statement {
    sid = "TenantErasureJobs"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:ConditionCheckItem",
    ]
    resources = [aws_dynamodb_table.jobs.arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # the tenant's audit trail: partition key exactly {tenant}; appended (conditional put, alone or in the transaction
  # of a plan change) and read in order (Query), never updated or deleted
  statement {
    sid       = "TenantAuditTrail"
    actions   = ["dynamodb:PutItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.audit.arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # tenant_user is {tenant}#{user}
  statement {
    sid       = "TenantSessionsOfAUser"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.sessions.arn}/index/tenant_user-created_at-index"]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}#*"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  statement {
    sid       = "TenantSessionsOfTheTenant"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.sessions.arn}/index/tenant_id-created_at-index"]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  # UpdateItem: erasure replaces user_id in the tenant's rows by a pseudonym (issue 24)
  statement {
    sid       = "TenantUsageRows"
    actions   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.usage.arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = ["$${aws:PrincipalTag/TenantId}"]
    }

    # ForAllValues holds for a request without any key: require one
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  statement {
    sid    = "NoTableWideReads"
    effect = "Deny"
    actions = [
      "dynamodb:Scan",
      "dynamodb:PartiQLSelect",
      "dynamodb:PartiQLInsert",
      "dynamodb:PartiQLUpdate",
      "dynamodb:PartiQLDelete",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "DataKeyThroughDynamoDb"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.data.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${var.aws_region}.amazonaws.com"]
    }
  }
}
