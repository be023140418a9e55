/** Chat messages: accepting a user message, queueing its job, and reading status and conversations. */
@NullMarked
package io.tenantchat.api.chat;

import org.jspecify.annotations.NullMarked;
