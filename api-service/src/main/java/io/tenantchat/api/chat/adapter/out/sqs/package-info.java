/** Sends chat jobs to the SQS FIFO queue with tenant-scoped message groups. */
package io.tenantchat.api.chat.adapter.out.sqs;
