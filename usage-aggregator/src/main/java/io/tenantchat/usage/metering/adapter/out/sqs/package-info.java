/** Keeps refused usage events in the usage dead-letter queue, each with its reason as message attributes. */
@NullMarked
package io.tenantchat.usage.metering.adapter.out.sqs;

import org.jspecify.annotations.NullMarked;
