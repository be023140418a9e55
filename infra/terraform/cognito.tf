# Users sign in with their e-mail. The tenant is the custom attribute tenant_id (claim custom:tenant_id): set by an
# administrator when the user is created (AdminCreateUser, e.g. scripts/create-test-user.sh), immutable afterwards,
# and never writable by the app client, so no user can move themselves into another tenant.

locals {
  cognito_domain_prefix = var.cognito_domain_prefix != "" ? var.cognito_domain_prefix : "${var.name_prefix}-${local.account_id}"
  cognito_issuer        = "https://${aws_cognito_user_pool.this.endpoint}"
  callback_urls         = concat(var.callback_urls, local.https ? ["${local.public_url}/"] : [])
  logout_urls           = concat(var.logout_urls, local.https ? ["${local.public_url}/"] : [])
}

resource "aws_cognito_user_pool" "this" {
  name                     = "${var.name_prefix}-users"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  deletion_protection      = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  mfa_configuration        = "OPTIONAL"

  username_configuration {
    case_sensitive = false
  }

  # No self sign-up: a user without a tenant is useless, and only administrators assign tenants.
  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  software_token_mfa_configuration {
    enabled = true
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  schema {
    name                     = "tenant_id"
    attribute_data_type      = "String"
    mutable                  = false
    required                 = false
    developer_only_attribute = false

    string_attribute_constraints {
      min_length = 1
      max_length = 64
    }
  }
}

resource "aws_cognito_user_group" "tenant_admin" {
  user_pool_id = aws_cognito_user_pool.this.id
  name         = "tenant-admin"
  description  = "Sees all sessions and usage of their own tenant"
  precedence   = 10
}

resource "aws_cognito_user_group" "platform_operator" {
  user_pool_id = aws_cognito_user_pool.this.id
  name         = "platform-operator"
  description  = "Reaches the operator endpoints across tenants"
  precedence   = 1
}

resource "aws_cognito_user_pool_domain" "this" {
  user_pool_id = aws_cognito_user_pool.this.id
  domain       = local.cognito_domain_prefix
}

# The web client: authorization code flow with PKCE (a public client, so no secret; Cognito verifies the
# code_verifier whenever the authorize request carried a code_challenge, which the web client always sends).
# ALLOW_ADMIN_USER_PASSWORD_AUTH serves scripts/create-test-user.sh, which signs in with administrator credentials.
resource "aws_cognito_user_pool_client" "web" {
  name         = "tenantchat-web"
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "profile"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = local.callback_urls
  logout_urls                          = local.logout_urls

  explicit_auth_flows = [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
    "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  ]

  read_attributes  = ["email", "email_verified", "custom:tenant_id"]
  write_attributes = ["email"]

  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true
  auth_session_validity         = 3

  id_token_validity      = var.id_token_validity_minutes
  access_token_validity  = var.access_token_validity_minutes
  refresh_token_validity = var.refresh_token_validity_days

  token_validity_units {
    id_token      = "minutes"
    access_token  = "minutes"
    refresh_token = "days"
  }
}
