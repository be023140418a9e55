/** Sessions in the DynamoDB sessions table (hash key {@code session_key}, GSI by tenant and user). */
package io.tenantchat.api.session.adapter.out.dynamodb;
