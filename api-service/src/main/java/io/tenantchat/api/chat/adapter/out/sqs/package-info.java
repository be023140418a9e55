/** Sends chat jobs to the SQS FIFO queue with tenant-scoped message groups. */
@NullMarked
package io.tenantchat.api.chat.adapter.out.sqs;

import org.jspecify.annotations.NullMarked;
