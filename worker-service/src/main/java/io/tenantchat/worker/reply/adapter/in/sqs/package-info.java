/** SQS inbound adapter: receives {@code ChatRequested} jobs from {@code chat-requests.fifo}. */
@NullMarked
package io.tenantchat.worker.reply.adapter.in.sqs;

import org.jspecify.annotations.NullMarked;
