/**
 * Scoped AWS credentials (production option): per-tenant credentials from STS {@code AssumeRole} with the session
 * tag {@code TenantId}, for a role whose policy limits DynamoDB to keys that begin with that tenant.
 */
package io.tenantchat.api.credentials;
