# Valkey (Redis-compatible) for the stream fan-out between instances: the worker publishes reply deltas, whichever
# api-service task holds the client's WebSocket relays them. Encrypted in transit (the services connect with TLS)
# and at rest; reachable only from the api and worker tasks, and only with the AUTH token, which ECS injects into
# those tasks from Secrets Manager (REDIS_PASSWORD), never as plain environment.

# ElastiCache allows printable ASCII except / " @ in a token: letters and digits only
resource "random_password" "cache_auth" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "cache_auth" {
  name_prefix = "${var.name_prefix}-cache-auth-"
  description = "AUTH token of the stream cache (ElastiCache), read by ECS for the api and worker tasks"
  kms_key_id  = aws_kms_key.data.arn
}

resource "aws_secretsmanager_secret_version" "cache_auth" {
  secret_id     = aws_secretsmanager_secret.cache_auth.id
  secret_string = random_password.cache_auth.result
}

resource "aws_elasticache_subnet_group" "stream" {
  name       = "${var.name_prefix}-stream"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "cache" {
  name        = "${var.name_prefix}-cache"
  description = "Stream cache: Redis protocol from api and worker tasks"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "cache_from_services" {
  for_each = {
    api    = aws_security_group.api.id
    worker = aws_security_group.worker.id
  }
  security_group_id            = aws_security_group.cache.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_elasticache_replication_group" "stream" {
  replication_group_id       = "${var.name_prefix}-stream"
  description                = "TenantChat stream fan-out (pub/sub and short-lived reply snapshots)"
  engine                     = "valkey"
  engine_version             = "8.0"
  parameter_group_name       = "default.valkey8"
  node_type                  = var.cache_node_type
  num_cache_clusters         = var.cache_nodes
  automatic_failover_enabled = var.cache_nodes > 1
  multi_az_enabled           = var.cache_nodes > 1
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.stream.name
  security_group_ids         = [aws_security_group.cache.id]
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.data.arn
  transit_encryption_enabled = true
  auth_token                 = random_password.cache_auth.result
  auth_token_update_strategy = "ROTATE"
  snapshot_retention_limit   = 0
  apply_immediately          = false
}
