/** Outbound adapters: the technology behind the reply use case's ports. */
@NullMarked
package io.tenantchat.worker.reply.adapter.out;

import org.jspecify.annotations.NullMarked;
