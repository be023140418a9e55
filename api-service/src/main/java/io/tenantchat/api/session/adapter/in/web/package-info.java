/** REST endpoints for sessions: the caller's own under {@code /api/sessions}, a tenant's under {@code /api/tenants}. */
@NullMarked
package io.tenantchat.api.session.adapter.in.web;

import org.jspecify.annotations.NullMarked;
