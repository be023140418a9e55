/** Plans and atomic conditional quota counters in the tenants table. */
package io.tenantchat.api.tenant.adapter.out.dynamodb;
