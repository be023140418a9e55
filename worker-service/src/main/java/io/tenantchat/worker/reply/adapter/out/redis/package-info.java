/** Reply events on Redis: pub/sub per tenant and session, plus the snapshot of the reply in progress. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out.redis;

import org.jspecify.annotations.NullMarked;
