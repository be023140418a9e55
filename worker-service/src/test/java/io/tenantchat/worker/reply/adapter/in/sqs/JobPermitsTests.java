package io.tenantchat.worker.reply.adapter.in.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandler.ReleaseReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobPermitsTests {

    private final JobPermits permits = new JobPermits(20, 2, 10, Duration.ofMillis(50));

    @Test
    void aReceiveAsksForAFullBatchWhilePermitsAreFree() throws Exception {
        assertThat(permits.requestBatch()).isEqualTo(10);
        assertThat(permits.held()).isEqualTo(10);
    }

    @Test
    void aNewJobIsReceivedAsSoonAsOnePermitIsFreeWithoutWaitingForABatchToEnd() throws Exception {
        fill();
        assertThat(permits.requestBatch()).as("no permit free").isZero();

        permits.release(1, ReleaseReason.PROCESSED);

        assertThat(permits.requestBatch()).as("one job ended, one is received").isEqualTo(1);
    }

    @Test
    void onlyTheConfiguredNumberOfReceivesRunAtOnce() throws Exception {
        JobPermits two = new JobPermits(100, 2, 10, Duration.ofMillis(50));
        two.requestBatch();
        two.requestBatch();
        assertThat(two.requestBatch()).as("a third receive waits for one of two to end").isZero();
        two.release(10, ReleaseReason.NONE_FETCHED);
        assertThat(two.requestBatch()).isEqualTo(10);
    }

    @Test
    void anEmptyReceiveGivesBackItsPermitsAndItsReceiveSlot() throws Exception {
        int granted = permits.requestBatch();

        permits.release(granted, ReleaseReason.NONE_FETCHED);

        assertThat(permits.held()).isZero();
        assertThat(permits.requestBatch()).isEqualTo(10);
        assertThat(permits.requestBatch()).isEqualTo(10);
    }

    @Test
    void drainingWaitsForHeldJobsAndTimesOutWhileOneStillRuns() throws Exception {
        permits.requestBatch();
        permits.release(9, ReleaseReason.PARTIAL_FETCH);

        assertThat(permits.drain(Duration.ofMillis(50))).isFalse();
        permits.release(1, ReleaseReason.PROCESSED);
        assertThat(permits.drain(Duration.ofMillis(50))).isTrue();
    }

    private void fill() throws InterruptedException {
        permits.requestBatch();
        permits.release(0, ReleaseReason.PARTIAL_FETCH);
        permits.requestBatch();
        permits.release(0, ReleaseReason.PARTIAL_FETCH);
    }
}
