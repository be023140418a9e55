/** Plans and atomic conditional quota counters in the tenants table. */
@NullMarked
package io.tenantchat.api.tenant.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
