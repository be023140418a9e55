# The worker publishes ModelInvoked (source tenantchat.worker) to the usage bus; a rule delivers each event, in the
# EventBridge envelope, to usage-events. Undeliverable events go to usage-events-dlq; an archive allows replay
# (usage-aggregator counts each event id once, so a replay never doubles a count).

locals {
  model_invoked_pattern = {
    source        = ["tenantchat.worker"]
    "detail-type" = ["ModelInvoked"]
  }
}

resource "aws_cloudwatch_event_bus" "usage" {
  name = var.usage_bus
}

resource "aws_cloudwatch_event_rule" "model_invoked" {
  name           = "${var.name_prefix}-model-invoked"
  description    = "ModelInvoked events to the usage-events queue"
  event_bus_name = aws_cloudwatch_event_bus.usage.name
  event_pattern  = jsonencode(local.model_invoked_pattern)
}

resource "aws_cloudwatch_event_target" "usage_events" {
  rule           = aws_cloudwatch_event_rule.model_invoked.name
  event_bus_name = aws_cloudwatch_event_bus.usage.name
  target_id      = "usage-events"
  arn            = aws_sqs_queue.usage_events.arn

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.usage_events_dlq.arn
  }
}

resource "aws_cloudwatch_event_archive" "usage" {
  name             = "${var.name_prefix}-usage"
  description      = "ModelInvoked events for replay into the usage pipeline"
  event_source_arn = aws_cloudwatch_event_bus.usage.arn
  event_pattern    = jsonencode(local.model_invoked_pattern)
  retention_days   = var.usage_archive_retention_days
}
