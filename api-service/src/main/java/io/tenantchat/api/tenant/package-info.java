/** Tenants, their plans (tier and limits) and the quotas enforced on every chat request across all replicas. */
package io.tenantchat.api.tenant;
