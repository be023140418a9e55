package io.tenantchat.api.chat.adapter.out.sqs;

import io.micrometer.observation.ObservationRegistry;
import io.tenantchat.api.chat.application.ChatJobQueue;
import io.tenantchat.api.chat.config.QueueProperties;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageGrouping;
import io.tenantchat.observability.TraceContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * FIFO send with an explicit message group ({@code tenant#session}, or {@code tenant} with
 * {@code tenantchat.queues.group-by=tenant}) and deduplication id (the message id): left out, SQS clients invent
 * random ones and ordering and deduplication are silently lost. The current trace context travels as String message
 * attributes ({@code traceparent}), so the worker's listener continues the request's trace.
 */
@Component
class SqsChatJobQueue implements ChatJobQueue {

    private static final Logger log = LoggerFactory.getLogger(SqsChatJobQueue.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final SqsAsyncClient sqs;
    private final JsonMapper json;
    private final String queueName;
    private final MessageGrouping grouping;
    private final ObservationRegistry observations;
    private volatile @Nullable String queueUrl;

    SqsChatJobQueue(SqsAsyncClient sqs, JsonMapper json, QueueProperties queues) {
        this(sqs, json, queues, ObservationRegistry.NOOP);
    }

    @Autowired
    SqsChatJobQueue(SqsAsyncClient sqs, JsonMapper json, QueueProperties queues, ObservationRegistry observations) {
        this.sqs = sqs;
        this.json = json;
        this.queueName = queues.chatRequests();
        this.grouping = queues.groupBy();
        this.observations = observations;
    }

    @Override
    public void enqueue(ChatRequested job) {
        send(job, job.deduplicationId());
    }

    @Override
    public void requeue(ChatRequested job, String deduplicationId) {
        send(job, deduplicationId);
    }

    private void send(ChatRequested job, String deduplicationId) {
        try {
            String url = queueUrl();
            TraceContext.sending(observations, "tenantchat.chat.job.send", "AWS SQS", trace ->
                    sqs.sendMessage(m -> m.queueUrl(url).messageBody(json.writeValueAsString(job))
                                    .messageGroupId(job.messageGroupId(grouping)).messageDeduplicationId(deduplicationId)
                                    .messageAttributes(attributes(trace)))
                            .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(job, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(job, e);
        }
    }

    private static Map<String, MessageAttributeValue> attributes(Map<String, String> trace) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        trace.forEach((key, value) -> attributes.put(key,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        return attributes;
    }

    private String queueUrl() throws InterruptedException, ExecutionException, TimeoutException {
        String url = queueUrl;
        if (url == null) {
            url = sqs.getQueueUrl(r -> r.queueName(queueName)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).queueUrl();
            queueUrl = url;
        }
        return url;
    }

    private static UnavailableException unavailable(ChatRequested job, Exception cause) {
        log.warn("could not queue message {} of tenant {}", job.messageId(), job.tenantId(), cause);
        return new UnavailableException("queue_unavailable", "the message could not be queued; please try again");
    }
}
