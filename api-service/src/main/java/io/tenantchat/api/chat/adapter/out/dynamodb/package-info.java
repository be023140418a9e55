/** Messages in the DynamoDB messages table: conversation items and lookup items (docs/architecture.md). */
package io.tenantchat.api.chat.adapter.out.dynamodb;
