/** REST endpoint {@code GET /api/tenants/{tenant_id}/usage}. */
package io.tenantchat.api.usage.adapter.in.web;
