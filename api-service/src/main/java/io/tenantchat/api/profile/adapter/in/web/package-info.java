/** {@code GET/PUT /api/tenants/{tenant_id}/profile}. */
@NullMarked
package io.tenantchat.api.profile.adapter.in.web;

import org.jspecify.annotations.NullMarked;
