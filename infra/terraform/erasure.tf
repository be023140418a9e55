# The key of the pseudonyms that replace erased user ids in usage records (ERASURE_PSEUDONYM_KEY, docs/runbook.md
# "Erasure"): 32 random bytes, base64, kept in Secrets Manager and injected into the api task by ECS, never as plain
# environment. It must not change once users were erased: the same user must keep the same pseudonym.
resource "random_bytes" "erasure_pseudonym_key" {
  length = 32
}

resource "aws_secretsmanager_secret" "erasure_pseudonym_key" {
  name_prefix = "${var.name_prefix}-erasure-pseudonym-key-"
  description = "Key of the pseudonyms in erased users' usage records, read by ECS for the api task"
  kms_key_id  = aws_kms_key.data.arn
}

resource "aws_secretsmanager_secret_version" "erasure_pseudonym_key" {
  secret_id     = aws_secretsmanager_secret.erasure_pseudonym_key.id
  secret_string = random_bytes.erasure_pseudonym_key.base64
}
