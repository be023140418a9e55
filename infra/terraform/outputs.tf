# The seed's output names (UserPoolId, UserPoolClientId, SessionsTableName, UsageTableName) plus everything a
# client or operator needs. DotEnv is what scripts/deploy_infra.sh writes to .env.aws.

locals {
  # settings a process outside the VPC can use (the cache is reachable only from the tasks)
  dotenv = merge(local.common_environment, local.api_environment, local.worker_environment, local.aggregator_environment, {
    TENANTCHAT_PUBLIC_URL = local.public_url
  })
  dotenv_excluded = ["PORT"]
}

output "UserPoolId" {
  description = "COGNITO_USER_POOL_ID"
  value       = aws_cognito_user_pool.this.id
}

output "UserPoolClientId" {
  description = "COGNITO_CLIENT_ID (web client: code flow with PKCE, no secret)"
  value       = aws_cognito_user_pool_client.web.id
}

output "CognitoIssuerUri" {
  description = "COGNITO_ISSUER_URI"
  value       = local.cognito_issuer
}

output "HostedUiUrl" {
  description = "Cognito hosted UI (sign-in for the web client)"
  value       = "https://${aws_cognito_user_pool_domain.this.domain}.auth.${var.aws_region}.amazoncognito.com"
}

output "SessionsTableName" {
  description = "SESSIONS_TABLE"
  value       = aws_dynamodb_table.sessions.name
}

output "MessagesTableName" {
  description = "MESSAGES_TABLE"
  value       = aws_dynamodb_table.messages.name
}

output "UsageTableName" {
  description = "USAGE_TABLE"
  value       = aws_dynamodb_table.usage.name
}

output "UsageRollupsTableName" {
  description = "USAGE_ROLLUPS_TABLE"
  value       = aws_dynamodb_table.usage_rollups.name
}

output "ChatRequestsQueueUrl" {
  description = "URL of chat-requests.fifo"
  value       = aws_sqs_queue.chat_requests.url
}

output "ChatRequestsDlqUrl" {
  description = "URL of chat-requests-dlq.fifo"
  value       = aws_sqs_queue.chat_requests_dlq.url
}

output "UsageEventsQueueUrl" {
  description = "URL of usage-events"
  value       = aws_sqs_queue.usage_events.url
}

output "UsageEventsDlqUrl" {
  description = "URL of usage-events-dlq"
  value       = aws_sqs_queue.usage_events_dlq.url
}

output "UsageBusName" {
  description = "USAGE_BUS"
  value       = aws_cloudwatch_event_bus.usage.name
}

output "UsageArchiveArn" {
  description = "Archive of the usage bus (replay with aws events start-replay)"
  value       = aws_cloudwatch_event_archive.usage.arn
}

output "PublicUrl" {
  description = "Where the API (and /ws) is served"
  value       = local.public_url
}

output "TenantScopedRoleArn" {
  description = "Role assumed per tenant with the TenantId session tag (scoped credentials)"
  value       = aws_iam_role.tenant_scoped.arn
}

output "EcrRepositoryUrls" {
  description = "Push the service images here (tag = image_tag)"
  value       = { for key, repository in aws_ecr_repository.service : local.service_names[key] => repository.repository_url }
}

output "ClusterName" {
  description = "ECS cluster of the three services"
  value       = aws_ecs_cluster.this.name
}

output "AlarmTopicArn" {
  description = "SNS topic the alarms notify"
  value       = aws_sns_topic.alarms.arn
}

output "DotEnv" {
  description = "KEY=VALUE lines for .env.aws: the services' settings for this deployment"
  value       = join("", [for key in sort(keys(local.dotenv)) : "${key}=${local.dotenv[key]}\n" if !contains(local.dotenv_excluded, key)])
}
