# Image repositories of the three services (images built from each module's Dockerfile, see docs/deployment.md).

locals {
  service_names = {
    api        = "api-service"
    worker     = "worker-service"
    aggregator = "usage-aggregator"
  }
}

resource "aws_ecr_repository" "service" {
  for_each             = local.service_names
  name                 = "${var.name_prefix}/${each.value}"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "service" {
  for_each   = aws_ecr_repository.service
  repository = each.value.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "keep the 30 newest images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 30 }
      action       = { type = "expire" }
    }]
  })
}
