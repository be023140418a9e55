package io.tenantchat.worker.reply.adapter.in.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.tenantchat.worker.reply.config.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

class LeaseKeeperTests {

    private static final String QUEUE = "http://sqs/chat-requests.fifo";

    private final List<ChangeMessageVisibilityBatchRequest> batches = new ArrayList<>();
    private final SqsAsyncClient sqs = new SqsAsyncClient() {
        @Override
        public CompletableFuture<ChangeMessageVisibilityBatchResponse> changeMessageVisibilityBatch(
                Consumer<ChangeMessageVisibilityBatchRequest.Builder> request) {
            batches.add(ChangeMessageVisibilityBatchRequest.builder().applyMutation(request).build());
            return CompletableFuture.completedFuture(ChangeMessageVisibilityBatchResponse.builder().build());
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final LeaseKeeper keeper = new LeaseKeeper(sqs, new WorkerProperties(5,
            new WorkerProperties.Retry(3, Duration.ZERO, Duration.ZERO), new WorkerProperties.Visibility(30, 10),
            new WorkerProperties.History(10, 1_000)), clock, false);

    @Test
    void aJobShorterThanAHeartbeatCostsNoRenewal() {
        LeaseKeeper.Lease lease = keeper.hold(received("r-1"));
        clock.advance(Duration.ofSeconds(9));

        assertThat(keeper.renewDue()).isZero();
        lease.close();
        clock.advance(Duration.ofSeconds(20));

        assertThat(keeper.renewDue()).isZero();
        assertThat(batches).isEmpty();
    }

    @Test
    void runningJobsAreRenewedTogetherTenPerBatchWithTheLease() {
        for (int i = 0; i < 25; i++) {
            keeper.hold(received("r-" + i));
        }
        clock.advance(Duration.ofSeconds(10));

        assertThat(keeper.renewDue()).isEqualTo(3);

        assertThat(batches).extracting(b -> b.entries().size()).containsExactly(10, 10, 5);
        assertThat(batches).allSatisfy(b -> {
            assertThat(b.queueUrl()).isEqualTo(QUEUE);
            assertThat(b.entries()).extracting(ChangeMessageVisibilityBatchRequestEntry::visibilityTimeout)
                    .containsOnly(30);
        });
        assertThat(batches.stream().flatMap(b -> b.entries().stream()).map(ChangeMessageVisibilityBatchRequestEntry::id)
                .distinct().count()).as("ids are unique within a batch").isEqualTo(25);
    }

    @Test
    void aRenewedJobIsRenewedAgainOnlyAHeartbeatLater() {
        keeper.hold(received("r-1"));
        clock.advance(Duration.ofSeconds(10));
        keeper.renewDue();
        clock.advance(Duration.ofSeconds(5));

        assertThat(keeper.renewDue()).isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(keeper.renewDue()).isOne();
        assertThat(batches).hasSize(2);
    }

    @Test
    void aFinishedJobIsNoLongerRenewed() {
        LeaseKeeper.Lease done = keeper.hold(received("done"));
        keeper.hold(received("running"));
        done.close();
        clock.advance(Duration.ofSeconds(10));

        keeper.renewDue();

        assertThat(batches).singleElement().satisfies(b -> assertThat(b.entries())
                .extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle).containsExactly("running"));
    }

    @Test
    void aJobHeldSinceItsReceiptKeepsThatLeaseWhenItStartsAndEndsItWhenDone() {
        Message<String> message = received("r-1");
        LeaseKeeper.Lease fromReceipt = keeper.hold(message);
        clock.advance(Duration.ofSeconds(6));

        LeaseKeeper.Lease running = keeper.hold(message);
        clock.advance(Duration.ofSeconds(4));

        assertThat(keeper.held()).isOne();
        assertThat(keeper.renewDue()).as("due a heartbeat after its receipt, not after its start").isOne();
        running.close();
        fromReceipt.close();
        clock.advance(Duration.ofSeconds(20));
        assertThat(keeper.renewDue()).isZero();
        assertThat(batches).hasSize(1);
    }

    private static Message<String> received(String receipt) {
        return MessageBuilder.withPayload("{}").setHeader(SqsHeaders.SQS_QUEUE_URL_HEADER, QUEUE)
                .setHeader(SqsHeaders.SQS_RECEIPT_HANDLE_HEADER, receipt).build();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
