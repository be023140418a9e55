package io.tenantchat.worker.reply.adapter.in.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.awspring.cloud.sqs.listener.SqsContainerOptions;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.TaskExecutorAware;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementOrdering;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementProcessor;
import io.awspring.cloud.sqs.listener.acknowledgement.ExecutingAcknowledgementProcessor;
import io.tenantchat.worker.reply.config.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

class FifoJobComponentsTests {

    private final LeaseKeeper leases = new LeaseKeeper(mock(SqsAsyncClient.class), new WorkerProperties(5,
            new WorkerProperties.Retry(3, Duration.ZERO, Duration.ZERO), new WorkerProperties.Visibility(30, 15),
            new WorkerProperties.History(10, 1_000)), Clock.systemUTC(), false);
    private final List<List<String>> deleted = new ArrayList<>();
    private AcknowledgementProcessor<String> processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.stop();
        }
        leases.stop();
    }

    @Test
    void aQuietWorkersDeleteLeavesAtOnceInsteadOfWaitingForTheInterval() {
        processor = started(new FifoJobComponents<String>(leases).createAcknowledgementProcessor(
                SqsContainerOptions.builder().acknowledgementInterval(Duration.ofSeconds(5))
                        .acknowledgementThreshold(10).acknowledgementOrdering(AcknowledgementOrdering.PARALLEL)
                        .build()));

        processor.getAcknowledgementCallback().onAcknowledge(received("r-1")).join();

        assertThat(deleted).as("deleted before onAcknowledge returned").containsExactly(List.of("r-1"));
    }

    private AcknowledgementProcessor<String> started(AcknowledgementProcessor<String> created) {
        ((ExecutingAcknowledgementProcessor<String>) created).setAcknowledgementExecutor(this::delete);
        if (created instanceof TaskExecutorAware aware) {
            aware.setTaskExecutor(new SimpleAsyncTaskExecutor());
        }
        created.setId("chat-jobs");
        created.start();
        return created;
    }

    private CompletableFuture<Void> delete(Collection<Message<String>> messages) {
        deleted.add(messages.stream().map(m -> m.getHeaders().get(SqsHeaders.SQS_RECEIPT_HANDLE_HEADER, String.class))
                .toList());
        return CompletableFuture.completedFuture(null);
    }

    private static Message<String> received(String receipt) {
        return MessageBuilder.withPayload("{}").setHeader(SqsHeaders.SQS_RECEIPT_HANDLE_HEADER, receipt).build();
    }
}
