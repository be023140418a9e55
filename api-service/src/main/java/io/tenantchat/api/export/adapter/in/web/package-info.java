/** {@code GET /api/sessions/{id}/export} and {@code GET /api/tenants/{tenant_id}/export}, written to the response as they are read. */
@NullMarked
package io.tenantchat.api.export.adapter.in.web;

import org.jspecify.annotations.NullMarked;
