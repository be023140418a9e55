/** Scheduled triggers of the reply feature's use cases. */
@NullMarked
package io.tenantchat.worker.reply.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
