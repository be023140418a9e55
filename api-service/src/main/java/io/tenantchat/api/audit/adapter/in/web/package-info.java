/** {@code GET /api/tenants/{tenant_id}/audit} and its verification. */
@NullMarked
package io.tenantchat.api.audit.adapter.in.web;

import org.jspecify.annotations.NullMarked;
