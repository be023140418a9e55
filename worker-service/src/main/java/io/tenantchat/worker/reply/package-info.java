/** The reply feature: turning a queued user message into a stored assistant reply. */
@NullMarked
package io.tenantchat.worker.reply;

import org.jspecify.annotations.NullMarked;
