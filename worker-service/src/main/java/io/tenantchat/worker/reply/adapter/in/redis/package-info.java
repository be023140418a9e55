/** Stop requests from api-service over Redis pub/sub, handed to the reply use case. */
@NullMarked
package io.tenantchat.worker.reply.adapter.in.redis;

import org.jspecify.annotations.NullMarked;
