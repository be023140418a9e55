package io.tenantchat.worker.reply.adapter.in.sqs;

import io.tenantchat.shared.ChatRequested;
import io.tenantchat.worker.reply.config.QueuesProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Copies a job whose message ended failed to {@code chat-requests-dlq.fifo} (docs/adr/002-retries-and-dlq.md):
 * same body and message group, the received job's deduplication id (the message id, or a fresh one for a requeued
 * job), so a repeated copy is dropped by SQS.
 * A failed send throws, which leaves the job for redelivery and another copy.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SqsAsyncClient sqs;
    private final String queueName;
    private volatile @Nullable String queueUrl;

    DeadLetters(SqsAsyncClient sqs, QueuesProperties queues) {
        this.sqs = sqs;
        this.queueName = queues.chatRequestsDlq();
    }

    void send(ChatRequested job, String body, String groupId, String deduplicationId) {
        String url = queueUrl();
        await(sqs.sendMessage(m -> m.queueUrl(url).messageBody(body).messageGroupId(groupId)
                .messageDeduplicationId(deduplicationId)
                .messageAttributes(Map.of("tenant_id", text(job.tenantId().value())))));
        log.info("Job for message {} of tenant {} copied to {}", job.messageId(), job.tenantId(), queueName);
    }

    private String queueUrl() {
        String url = queueUrl;
        if (url == null) {
            url = await(sqs.getQueueUrl(r -> r.queueName(queueName))).queueUrl();
            queueUrl = url;
        }
        return url;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering a job", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CompletionException("could not dead-letter a job", e);
        }
    }
}
