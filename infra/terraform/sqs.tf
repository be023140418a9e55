# chat-requests.fifo: one message group per conversation ({tenant}#{session}), explicit deduplication ids (the
# message id), high-throughput FIFO. usage-events: ModelInvoked events from the EventBridge rule.
# Every queue is encrypted with the customer managed key and refuses unencrypted connections.

locals {
  max_receive_count = 5
}

resource "aws_sqs_queue" "chat_requests_dlq" {
  name                              = var.chat_requests_dlq
  fifo_queue                        = true
  content_based_deduplication       = false
  deduplication_scope               = "messageGroup"
  fifo_throughput_limit             = "perMessageGroupId"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 300
}

resource "aws_sqs_queue" "chat_requests" {
  name                              = var.chat_requests_queue
  fifo_queue                        = true
  content_based_deduplication       = false
  deduplication_scope               = "messageGroup"
  fifo_throughput_limit             = "perMessageGroupId"
  visibility_timeout_seconds        = 60
  message_retention_seconds         = 345600
  receive_wait_time_seconds         = 20
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 300

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.chat_requests_dlq.arn
    maxReceiveCount     = local.max_receive_count
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "chat_requests_dlq" {
  queue_url = aws_sqs_queue.chat_requests_dlq.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.chat_requests.arn]
  })
}

resource "aws_sqs_queue" "usage_events_dlq" {
  name                              = var.usage_events_dlq
  message_retention_seconds         = 1209600
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 300
}

resource "aws_sqs_queue" "usage_events" {
  name                              = var.usage_events_queue
  visibility_timeout_seconds        = 60
  message_retention_seconds         = 345600
  receive_wait_time_seconds         = 20
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 300

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.usage_events_dlq.arn
    maxReceiveCount     = local.max_receive_count
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "usage_events_dlq" {
  queue_url = aws_sqs_queue.usage_events_dlq.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.usage_events.arn]
  })
}

resource "aws_sqs_queue_policy" "chat_requests" {
  queue_url = aws_sqs_queue.chat_requests.id
  policy    = data.aws_iam_policy_document.chat_requests_queue.json
}

resource "aws_sqs_queue_policy" "chat_requests_dlq" {
  queue_url = aws_sqs_queue.chat_requests_dlq.id
  policy    = data.aws_iam_policy_document.chat_requests_dlq_queue.json
}

resource "aws_sqs_queue_policy" "usage_events" {
  queue_url = aws_sqs_queue.usage_events.id
  policy    = data.aws_iam_policy_document.usage_events_queue.json
}

resource "aws_sqs_queue_policy" "usage_events_dlq" {
  queue_url = aws_sqs_queue.usage_events_dlq.id
  policy    = data.aws_iam_policy_document.usage_events_dlq_queue.json
}

data "aws_iam_policy_document" "chat_requests_queue" {
  statement {
    sid       = "DenyUnencryptedTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.chat_requests.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

data "aws_iam_policy_document" "chat_requests_dlq_queue" {
  statement {
    sid       = "DenyUnencryptedTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.chat_requests_dlq.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

data "aws_iam_policy_document" "usage_events_queue" {
  statement {
    sid       = "UsageRuleDelivers"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.usage_events.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.model_invoked.arn]
    }
  }

  statement {
    sid       = "DenyUnencryptedTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.usage_events.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

# also the dead-letter queue of the EventBridge target: events the rule could not deliver land here
data "aws_iam_policy_document" "usage_events_dlq_queue" {
  statement {
    sid       = "UsageRuleDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.usage_events_dlq.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.model_invoked.arn]
    }
  }

  statement {
    sid       = "DenyUnencryptedTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.usage_events_dlq.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
