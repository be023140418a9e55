/** Metering: every model call becomes a ModelInvoked event on the EventBridge bus tenantchat-usage. */
@NullMarked
package io.tenantchat.worker.usage;

import org.jspecify.annotations.NullMarked;
