/** Adapters of the reply feature: the technology on either side of the use case. */
@NullMarked
package io.tenantchat.worker.reply.adapter;

import org.jspecify.annotations.NullMarked;
