/** Consumes ModelInvoked events that EventBridge delivers, in its envelope, to the usage-events queue. */
@NullMarked
package io.tenantchat.usage.metering.adapter.in.sqs;

import org.jspecify.annotations.NullMarked;
