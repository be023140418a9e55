package io.tenantchat.worker.reply.adapter.in.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SpacedBatchesTests {

    private static final Duration SPACING = Duration.ofMillis(100);

    private final List<List<String>> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> calls = new ArrayList<>();
    private final List<Scheduled> timer = new ArrayList<>();
    private long now = 1_000_000_000L;
    private final SpacedBatches<String> batches = new SpacedBatches<>(10, SPACING, batch -> {
        sent.add(batch);
        CompletableFuture<Void> call = new CompletableFuture<>();
        calls.add(call);
        return call;
    }, (task, delay) -> timer.add(new Scheduled(task, now + delay)), () -> now);

    @Test
    void aQuietSendersEntryGoesOutAtOnce() {
        batches.add("a");

        assertThat(sent).containsExactly(List.of("a"));
        assertThat(timer).isEmpty();
    }

    @Test
    void entriesArrivingSoonAfterACallShareTheNextOneWhichLeavesOneSpacingAfterIt() {
        batches.add("a");
        advance(Duration.ofMillis(10));
        batches.add("b");
        advance(Duration.ofMillis(30));
        batches.add("c");

        assertThat(sent).containsExactly(List.of("a"));
        assertThat(timer).singleElement().extracting(Scheduled::at).isEqualTo(1_000_000_000L + SPACING.toNanos());
        advance(Duration.ofMillis(60));
        runDue();
        assertThat(sent).containsExactly(List.of("a"), List.of("b", "c"));
    }

    @Test
    void anEntryArrivingASpacingAfterThePreviousCallGoesOutAtOnce() {
        batches.add("a");
        advance(SPACING);

        batches.add("b");

        assertThat(sent).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aFullBatchLeavesAtOnceAndNoCallCarriesMoreThanTen() {
        batches.add("first");
        for (int i = 0; i < 11; i++) {
            batches.add("e" + i);
        }

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).hasSize(10);
        assertThat(batches.pending()).isOne();
        advance(SPACING);
        runDue();
        assertThat(sent).hasSize(3).last().isEqualTo(List.of("e10"));
    }

    @Test
    void drainSendsWhatIsPendingAndWaitsForTheAnswers() {
        batches.add("a");
        batches.add("b");
        calls.forEach(call -> call.complete(null));

        CompletableFuture.runAsync(() -> {
            while (calls.size() < 2) {
                Thread.onSpinWait();
            }
            calls.get(1).complete(null);
        });
        assertThat(batches.drain(Duration.ofSeconds(5))).isTrue();

        assertThat(sent).containsExactly(List.of("a"), List.of("b"));
        assertThat(batches.pending()).isZero();
    }

    @Test
    void drainGivesUpWhenACallIsNotAnswered() {
        batches.add("a");

        assertThat(batches.drain(Duration.ofMillis(50))).isFalse();
    }

    private void advance(Duration by) {
        now += by.toNanos();
    }

    private void runDue() {
        List<Scheduled> due = timer.stream().filter(s -> s.at() <= now).toList();
        timer.removeAll(due);
        due.forEach(s -> s.task().run());
    }

    private record Scheduled(Runnable task, long at) {
    }
}
