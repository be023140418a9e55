/** DynamoDB outbound adapter: user messages, replies and session counters in the messages and sessions tables. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.dynamodb;

import org.jspecify.annotations.NullMarked;
