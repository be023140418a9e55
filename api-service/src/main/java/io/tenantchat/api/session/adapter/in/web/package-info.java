/** REST endpoints for sessions: the caller's own under {@code /api/sessions}, a tenant's under {@code /api/tenants}. */
package io.tenantchat.api.session.adapter.in.web;
