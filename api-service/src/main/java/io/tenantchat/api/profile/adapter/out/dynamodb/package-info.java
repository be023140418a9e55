/** The profile as the {@code profile} item of the tenant's partition of the tenants table (the worker reads it). */
@NullMarked
package io.tenantchat.api.profile.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
