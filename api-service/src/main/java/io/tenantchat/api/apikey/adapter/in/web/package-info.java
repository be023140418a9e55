/** The tenant-admin's {@code /api/tenants/{tenant_id}/api-keys} endpoints. */
@NullMarked
package io.tenantchat.api.apikey.adapter.in.web;

import org.jspecify.annotations.NullMarked;
