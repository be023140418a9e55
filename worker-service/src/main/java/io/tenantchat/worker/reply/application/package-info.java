/** Reply use case and the ports it needs (conversation store, chat model); no framework or AWS types. */
@NullMarked
package io.tenantchat.worker.reply.application;

import org.jspecify.annotations.NullMarked;
