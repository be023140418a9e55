package io.tenantchat.api.operations.adapter.out.sqs;

import io.tenantchat.api.operations.config.OperationsProperties;
import io.tenantchat.api.operations.config.OperationsQueueProperties;
import io.tenantchat.api.operations.application.QueueConsole;
import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.QueueStats;
import io.tenantchat.shared.ChatRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link QueueConsole} on SQS. Every dead letter is received with all system and message attributes; a FIFO send
 * keeps the letter's message group and takes the given deduplication id; message attributes (the tenant, the trace
 * context) travel with the body.
 */
@Component
class SqsQueueConsole implements QueueConsole {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 10;

    private final SqsAsyncClient sqs;
    private final DeadLetterBodies bodies;
    private final String chatRequests;
    private final String chatRequestsDlq;
    private final String usageEvents;
    private final String usageEventsDlq;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    SqsQueueConsole(SqsAsyncClient sqs, JsonMapper json, OperationsQueueProperties queues, OperationsProperties operations) {
        this.sqs = sqs;
        this.bodies = new DeadLetterBodies(json);
        this.chatRequests = queues.chatRequests();
        this.chatRequestsDlq = operations.chatRequestsDlq();
        this.usageEvents = operations.usageEventsQueue();
        this.usageEventsDlq = operations.usageEventsDlq();
    }

    private String workQueue(OperatedQueue queue) {
        return switch (queue) {
            case CHAT_REQUESTS -> chatRequests;
            case USAGE_EVENTS -> usageEvents;
        };
    }

    private String deadLetterQueue(OperatedQueue queue) {
        return switch (queue) {
            case CHAT_REQUESTS -> chatRequestsDlq;
            case USAGE_EVENTS -> usageEventsDlq;
        };
    }

    @Override
    public QueueStats stats(OperatedQueue queue, boolean deadLetter) {
        String name = deadLetter ? deadLetterQueue(queue) : workQueue(queue);
        Map<QueueAttributeName, String> attributes = await(sqs.getQueueAttributes(r -> r.queueUrl(url(name))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))).attributes();
        return new QueueStats(queue, deadLetter, name,
                Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
                Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")),
                deadLetter ? oldestAgeSeconds(name) : null);
    }

    /** Samples up to 10 messages with a zero visibility timeout: nothing is hidden from anyone. */
    private @Nullable Long oldestAgeSeconds(String name) {
        List<Message> sample = await(sqs.receiveMessage(r -> r.queueUrl(url(name)).maxNumberOfMessages(BATCH)
                .visibilityTimeout(0).messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)))
                .messages();
        return sample.stream().map(SqsQueueConsole::sentAt).min(Instant::compareTo)
                .map(oldest -> Math.max(0, Duration.between(oldest, Instant.now()).toSeconds())).orElse(null);
    }

    @Override
    public List<DeadLetter> receive(OperatedQueue queue, Duration hold) {
        String url = url(deadLetterQueue(queue));
        return await(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(BATCH).waitTimeSeconds(1)
                .visibilityTimeout((int) hold.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")))
                .messages().stream().map(message -> deadLetter(queue, message)).toList();
    }

    @Override
    public void release(OperatedQueue queue, Collection<DeadLetter> letters) {
        String url = url(deadLetterQueue(queue));
        List<DeadLetter> all = List.copyOf(letters);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<DeadLetter> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            await(sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(batch.stream()
                    .map(letter -> ChangeMessageVisibilityBatchRequestEntry.builder()
                            .id(Integer.toString(batch.indexOf(letter))).receiptHandle(letter.handle())
                            .visibilityTimeout(0).build())
                    .toList())));
        }
    }

    @Override
    public void sendToWorkQueue(OperatedQueue queue, DeadLetter letter, String deduplicationId) {
        SendMessageRequest.Builder send = SendMessageRequest.builder().queueUrl(url(workQueue(queue)))
                .messageBody(letter.body()).messageAttributes(toSqs(letter.attributes()));
        if (queue.fifo()) {
            send.messageGroupId(letter.groupId()).messageDeduplicationId(deduplicationId);
        }
        await(sqs.sendMessage(send.build()));
    }

    @Override
    public void delete(OperatedQueue queue, DeadLetter letter) {
        String url = url(deadLetterQueue(queue));
        await(sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(letter.handle())));
    }

    private DeadLetter deadLetter(OperatedQueue queue, Message message) {
        ChatRequested job = bodies.job(queue, message.body());
        Map<MessageSystemAttributeName, String> system = message.attributes();
        return new DeadLetter(message.messageId(), message.receiptHandle(),
                system.get(MessageSystemAttributeName.MESSAGE_GROUP_ID), sentAt(message),
                Integer.parseInt(system.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                message.body(), bodies.key(queue, message.body(), job), job, fromSqs(message.messageAttributes()));
    }

    private static Map<String, String> fromSqs(Map<String, MessageAttributeValue> attributes) {
        return attributes.entrySet().stream().filter(e -> e.getValue().stringValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stringValue()));
    }

    private static Map<String, MessageAttributeValue> toSqs(Map<String, String> attributes) {
        return attributes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> MessageAttributeValue.builder().dataType("String").stringValue(e.getValue()).build()));
    }

    private static Instant sentAt(Message message) {
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        return sent == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(sent));
    }

    private String url(String queueName) {
        return urls.computeIfAbsent(queueName, name -> await(sqs.getQueueUrl(r -> r.queueName(name))).queueUrl());
    }

    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling SQS", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("SQS call failed", e);
        }
    }
}
