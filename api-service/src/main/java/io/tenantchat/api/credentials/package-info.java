/**
 * Scoped AWS credentials (production option): per-tenant credentials from STS {@code AssumeRole} with the session
 * tag {@code TenantId}, for a role whose policy limits DynamoDB to keys that begin with that tenant.
 */
@NullMarked
package io.tenantchat.api.credentials;

import org.jspecify.annotations.NullMarked;
