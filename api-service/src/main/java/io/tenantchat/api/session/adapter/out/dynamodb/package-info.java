/** Sessions in the DynamoDB sessions table (hash key {@code session_key}; GSIs by tenant and user, and by tenant). */
package io.tenantchat.api.session.adapter.out.dynamodb;
