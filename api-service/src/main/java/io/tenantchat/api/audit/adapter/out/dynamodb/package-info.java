/** The audit table (hash key {@code tenant_id}, range key {@code seq}); its item layout, also used by the stores that write an entry in their own transaction. */
@NullMarked
package io.tenantchat.api.audit.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
