/** The tenant-admin's {@code /api/tenants/{tenant_id}/api-keys} endpoints. */
package io.tenantchat.api.apikey.adapter.in.web;
