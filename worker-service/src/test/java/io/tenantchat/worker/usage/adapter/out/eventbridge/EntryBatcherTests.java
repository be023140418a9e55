package io.tenantchat.worker.usage.adapter.out.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.worker.usage.application.UsageNotPublishedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EntryBatcherTests {

    private final List<List<String>> sent = new CopyOnWriteArrayList<>();
    private final Set<String> refuseOnce = ConcurrentHashMap.newKeySet();
    private volatile boolean refuseAll;
    private EntryBatcher<String> batcher;

    @AfterEach
    void close() {
        batcher.close();
    }

    @Test
    void entriesOfManyJobsShareCallsOfAtMostTen() {
        batcher = batcher(Duration.ofMillis(200));
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accepted.add(batcher.submit("e" + i, deadline(Duration.ofSeconds(5))));
        }

        CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).join();

        assertThat(sent).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
        assertThat(sent).hasSize(3);
        assertThat(sent.stream().mapToInt(List::size).sum()).isEqualTo(25);
    }

    @Test
    void aLoneEntryLeavesAfterTheWaitWithoutWaitingForNineMore() {
        batcher = batcher(Duration.ofMillis(100));
        long started = System.nanoTime();

        batcher.submit("alone", deadline(Duration.ofSeconds(5))).join();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(sent).containsExactly(List.of("alone"));
    }

    @Test
    void aJobWaitsOnlyForItsOwnEntryAndARefusedEntryIsSentAgainAlone() throws Exception {
        batcher = batcher(Duration.ofMillis(50));
        refuseOnce.add("refused");
        CompletableFuture<Void> refused = batcher.submit("refused", deadline(Duration.ofSeconds(5)));
        CompletableFuture<Void> fine = batcher.submit("fine", deadline(Duration.ofSeconds(5)));

        fine.get(2, TimeUnit.SECONDS);
        refused.get(5, TimeUnit.SECONDS);

        assertThat(sent.stream().flatMap(List::stream).filter("fine"::equals)).hasSize(1);
        assertThat(sent.stream().flatMap(List::stream).filter("refused"::equals)).hasSize(2);
    }

    @Test
    void anEntryNotAcceptedByItsDeadlineFailsAsNotPublished() {
        batcher = batcher(Duration.ofMillis(10));
        refuseAll = true;

        CompletableFuture<Void> accepted = batcher.submit("never", deadline(Duration.ofMillis(500)));

        await().atMost(Duration.ofSeconds(5)).until(accepted::isDone);
        assertThat(accepted).isCompletedExceptionally();
        assertThat(catchCause(accepted)).isInstanceOf(UsageNotPublishedException.class);
    }

    @Test
    void aSlowCallDoesNotHoldBackTheNextBatch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowCallStarted = new CountDownLatch(1);
        batcher = new EntryBatcher<>(batch -> {
            if (batch.contains("slow")) {
                slowCallStarted.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.add(batch);
            return List.of();
        }, 10, Duration.ofMillis(20), Duration.ofMillis(10), Duration.ofMillis(100));
        CompletableFuture<Void> slow = batcher.submit("slow", deadline(Duration.ofSeconds(5)));
        assertThat(slowCallStarted.await(2, TimeUnit.SECONDS)).isTrue();

        batcher.submit("next", deadline(Duration.ofSeconds(5))).get(2, TimeUnit.SECONDS);

        assertThat(slow).isNotDone();
        release.countDown();
        slow.get(2, TimeUnit.SECONDS);
    }

    private EntryBatcher<String> batcher(Duration wait) {
        return new EntryBatcher<>(batch -> {
            sent.add(batch);
            List<Integer> refused = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (refuseAll || refuseOnce.remove(batch.get(i))) {
                    refused.add(i);
                }
            }
            return refused;
        }, 10, wait, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    private static long deadline(Duration in) {
        return System.nanoTime() + in.toNanos();
    }

    private static Throwable catchCause(CompletableFuture<Void> future) {
        try {
            future.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
