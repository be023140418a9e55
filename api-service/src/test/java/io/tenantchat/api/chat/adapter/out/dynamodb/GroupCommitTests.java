package io.tenantchat.api.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One write per tenant in flight at a time; callers arriving meanwhile are written together by the next leader,
 * each getting its own outcome; what may not share a batch is written in a later one.
 */
class GroupCommitTests {

    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void callersArrivingDuringAWriteAreWrittenTogetherAndEachGetsItsOwnOutcome() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<Integer> group = new GroupCommit<>(16, (batch, next) -> true, batch -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            batches.add(batch.stream().map(p -> p.request).toList());
            firstWriteStarted.countDown();
            awaitLatch(othersQueued);
            batch.forEach(p -> p.done("written " + p.request));
            inFlight.decrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(21);
        try {
            Future<Object> first = pool.submit(() -> group.submit(ACME, 0));
            firstWriteStarted.await(10, TimeUnit.SECONDS);
            List<Future<Object>> rest = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int n = i;
                rest.add(pool.submit(() -> group.submit(ACME, n)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting(ACME) == 20);
            othersQueued.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("written 0");
            for (int i = 0; i < 20; i++) {
                assertThat(rest.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("written " + (i + 1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInFlight).hasValue(1);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(21);
        assertThat(batches.stream().mapToInt(List::size).max().orElse(0)).isGreaterThan(1).isLessThanOrEqualTo(16);
    }

    @Test
    void requestsThatMayNotShareABatchAreWrittenInLaterOnes() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> group = new GroupCommit<>(16, (batch, next) -> !batch.contains(next), batch -> {
            batches.add(batch.stream().map(p -> p.request).toList());
            batch.forEach(p -> p.done(p.request));
        });

        assertThat(group.submit(ACME, 7)).isEqualTo(7);
        assertThat(group.submit(ACME, 7)).isEqualTo(7);
        assertThat(batches).containsExactly(List.of(7), List.of(7));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
