/** Inbound adapters: what drives the reply use case. */
@NullMarked
package io.tenantchat.worker.reply.adapter.in;

import org.jspecify.annotations.NullMarked;
