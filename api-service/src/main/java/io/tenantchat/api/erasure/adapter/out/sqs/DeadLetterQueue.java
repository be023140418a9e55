package io.tenantchat.api.erasure.adapter.out.sqs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The SQS calls of a purge on one dead-letter queue: receive and hold, delete and release in batches of ten. */
final class DeadLetterQueue {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 10;

    private final SqsAsyncClient sqs;
    private final String name;
    private final Duration hold;
    private final int waitSeconds;
    private @Nullable String url;

    DeadLetterQueue(SqsAsyncClient sqs, String name, Duration hold, Duration wait) {
        this.sqs = sqs;
        this.name = name;
        this.hold = hold;
        this.waitSeconds = (int) wait.toSeconds();
    }

    /** Up to ten letters, each invisible to anyone else for the hold, with its message group. */
    List<Message> receive() {
        String queue = url();
        return await(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(BATCH).waitTimeSeconds(waitSeconds)
                .visibilityTimeout((int) hold.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))).messages();
    }

    /** @return how many of {@code letters} were deleted (a failed entry is left for a rerun) */
    long delete(List<Message> letters) {
        long deleted = 0;
        String queue = url();
        for (List<Message> batch : batches(letters)) {
            deleted += await(sqs.deleteMessageBatch(r -> r.queueUrl(queue).entries(batch.stream()
                    .map(letter -> DeleteMessageBatchRequestEntry.builder().id(id(batch, letter))
                            .receiptHandle(letter.receiptHandle()).build())
                    .toList()))).successful().size();
        }
        return deleted;
    }

    /** Makes {@code letters} visible again at once. */
    void release(List<Message> letters) {
        String queue = url();
        for (List<Message> batch : batches(letters)) {
            await(sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queue).entries(batch.stream()
                    .map(letter -> ChangeMessageVisibilityBatchRequestEntry.builder().id(id(batch, letter))
                            .receiptHandle(letter.receiptHandle()).visibilityTimeout(0).build())
                    .toList())));
        }
    }

    private static List<List<Message>> batches(List<Message> letters) {
        return IntStream.iterate(0, from -> from < letters.size(), from -> from + BATCH)
                .mapToObj(from -> letters.subList(from, Math.min(letters.size(), from + BATCH))).toList();
    }

    /** A batch entry's id: the letter's place in its batch. */
    private static String id(List<Message> batch, Message letter) {
        return Integer.toString(batch.indexOf(letter));
    }

    private String url() {
        String known = url;
        if (known == null) {
            known = await(sqs.getQueueUrl(r -> r.queueName(name))).queueUrl();
            url = known;
        }
        return known;
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
