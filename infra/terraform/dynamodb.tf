# The tables of docs/architecture.md, key for key (local-stack's Provisioner creates the same ones locally).
# Every partition key begins with the tenant id. On-demand, point-in-time recovery, the customer managed key.

resource "aws_dynamodb_table" "sessions" {
  name                        = var.sessions_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "session_key"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "session_key"
    type = "S"
  }

  attribute {
    name = "tenant_user"
    type = "S"
  }

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "created_at"
    type = "S"
  }

  # a user's sessions, newest first
  global_secondary_index {
    name            = "tenant_user-created_at-index"
    hash_key        = "tenant_user"
    range_key       = "created_at"
    projection_type = "ALL"
  }

  # a tenant's sessions (tenant-admin)
  global_secondary_index {
    name            = "tenant_id-created_at-index"
    hash_key        = "tenant_id"
    range_key       = "created_at"
    projection_type = "ALL"
  }

  # retention (RETENTION_DAYS): a session expires after its last message; the services' reads leave it out already
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

# user messages, assistant replies, message lookups and idempotency items; idempotency items expire by expires_at,
# and so do messages, replies and lookups under a retention (RETENTION_DAYS)
resource "aws_dynamodb_table" "messages" {
  name                        = var.messages_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

# one raw row per counted model invocation
resource "aws_dynamodb_table" "usage" {
  name                        = var.usage_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "tenant_id"
  range_key                   = "timestamp"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "timestamp"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

# sharded rollups and exactly-once event markers (ADR 003: markers are meant to expire by expires_at)
resource "aws_dynamodb_table" "usage_rollups" {
  name                        = var.usage_rollups_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

# tenant plans, quota counters (per second/day/month, tokens, in flight) and per-message holds; counters and holds
# expire by expires_at (api-service's QuotaKeys)
resource "aws_dynamodb_table" "tenants" {
  name                        = var.tenants_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "tenant_id"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

# per-tenant API keys (api-service's ApiKeyItem): by key id, because authentication finds a key (and so its tenant)
# from the key alone; a tenant's keys are listed through the index. Only the key's SHA-256 is stored.
resource "aws_dynamodb_table" "api_keys" {
  name                        = var.api_keys_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "key_id"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "key_id"
    type = "S"
  }

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "created_at"
    type = "S"
  }

  # a tenant's keys (tenant-admin)
  global_secondary_index {
    name            = "tenant_id-created_at-index"
    hash_key        = "tenant_id"
    range_key       = "created_at"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

# the tenant audit trail (api-service's AuditItems, docs/architecture.md "Audit"): one hash-chained entry per tenant
# and sequence number. Entries are appended (conditional put on a free seq) and never updated or deleted by the
# services; no TTL: an audit trail outlives the data it describes.
resource "aws_dynamodb_table" "audit" {
  name                        = var.audit_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "tenant_id"
  range_key                   = "seq"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "seq"
    type = "N"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

# erasure jobs (api-service's JobItems, docs/architecture.md "Jobs"): a job per erasure or off-boarding in its subject
# tenant's partition, with a guard item per subject while it runs. GSI job_id-index finds a job by id (an operator's
# job of another tenant); the sparse GSI run_state-lease_until-index lists running jobs whose lease ran out (the
# sweeper). No TTL: the certificates are kept.
resource "aws_dynamodb_table" "jobs" {
  name                        = var.jobs_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "tenant_id"
  range_key                   = "job_id"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "job_id"
    type = "S"
  }

  attribute {
    name = "run_state"
    type = "S"
  }

  attribute {
    name = "lease_until"
    type = "N"
  }

  global_secondary_index {
    name            = "job_id-index"
    hash_key        = "job_id"
    projection_type = "ALL"
  }

  global_secondary_index {
    name            = "run_state-lease_until-index"
    hash_key        = "run_state"
    range_key       = "lease_until"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}
