/** REST endpoint {@code GET /api/tenants/{tenant_id}/usage}. */
@NullMarked
package io.tenantchat.api.usage.adapter.in.web;

import org.jspecify.annotations.NullMarked;
