/** Sessions in the DynamoDB sessions table (hash key {@code session_key}; GSIs by tenant and user, and by tenant). */
@NullMarked
package io.tenantchat.api.session.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
