/** Tenants, their plans (tier and limits) and the quotas enforced on every chat request across all replicas. */
@NullMarked
package io.tenantchat.api.tenant;

import org.jspecify.annotations.NullMarked;
