/** Consumes ModelInvoked events that EventBridge delivers, in its envelope, to the usage-events queue. */
package io.tenantchat.usage.metering.adapter.in.sqs;
