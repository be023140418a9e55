/** Messages in the DynamoDB messages table: conversation items and lookup items (docs/architecture.md). */
@NullMarked
package io.tenantchat.api.chat.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
