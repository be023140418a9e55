package io.tenantchat.usage.metering.adapter.out.sqs;

import io.tenantchat.usage.metering.config.UsageEventProperties;
import io.tenantchat.usage.metering.application.RejectedUsageEvents;
import io.tenantchat.usage.metering.domain.UsageEventRejection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends a refused event's body unchanged to the usage dead-letter queue with {@value #REASON} (the closed reason)
 * and {@value #DETAIL} (which member and value). A failed send throws, so the event stays on its queue.
 */
@Component
class SqsRejectedUsageEvents implements RejectedUsageEvents {

    static final String REASON = "rejection_reason";
    static final String DETAIL = "rejection_detail";
    private static final long TIMEOUT_SECONDS = 10;

    private final SqsAsyncClient sqs;
    private final String queueName;
    private volatile @Nullable String queueUrl;

    SqsRejectedUsageEvents(SqsAsyncClient sqs, UsageEventProperties events) {
        this.sqs = sqs;
        this.queueName = events.deadLetterQueue();
    }

    @Override
    public void deadLetter(String body, UsageEventRejection rejection) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                REASON, text(rejection.reason().wireName()),
                DETAIL, text(rejection.detail().isEmpty() ? "-" : rejection.detail()));
        await(sqs.sendMessage(m -> m.queueUrl(url()).messageBody(body).messageAttributes(attributes)));
    }

    private String url() {
        String known = queueUrl;
        if (known == null) {
            known = await(sqs.getQueueUrl(r -> r.queueName(queueName))).queueUrl();
            queueUrl = known;
        }
        return known;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private <T> T await(CompletableFuture<T> call) {
        try {
            return call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering a usage event", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter a usage event to " + queueName, e);
        }
    }
}
