terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.80+ for the valkey engine of ElastiCache replication groups; any later 5.x works
      version = "~> 5.80"
    }
    # the stream cache's AUTH token
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # State is local by default. For a shared deployment add a backend, e.g. in backend.tf:
  #   terraform { backend "s3" {} }
  # and pass its settings with TF_BACKEND_CONFIG (see docs/deployment.md).
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge({ Project = var.name_prefix, ManagedBy = "terraform" }, var.tags)
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  azs        = slice(data.aws_availability_zones.available.names, 0, var.az_count)
}
