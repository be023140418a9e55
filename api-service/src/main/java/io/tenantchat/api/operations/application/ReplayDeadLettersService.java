package io.tenantchat.api.operations.application;

import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.ReplayFilter;
import io.tenantchat.api.operations.domain.ReplayOutcome;
import io.tenantchat.api.operations.domain.ReplaySummary;
import io.tenantchat.api.operations.domain.ReplayedLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Receives dead letters in batches and holds every one it sees until the end, so each is examined once; the
 * letters it replays or skips are deleted as it goes, all others are made visible again when it is done (or after
 * {@link #HOLD} if it dies). What to do with each letter is {@link DeadLetterReplays}' decision.
 */
public final class ReplayDeadLettersService implements ReplayDeadLettersUseCase {

    /** Longer than a replay of {@link ReplayFilter#MAX_LIMIT} letters takes. */
    static final Duration HOLD = Duration.ofMinutes(5);
    /**
     * SQS receives are sampled (and a FIFO group's next letter appears only once the one before it is deleted), so
     * one receive without a new letter does not mean the queue is drained: the run stops after this many in a row.
     */
    static final int RECEIVES_WITHOUT_NEWS_TO_STOP = 3;

    private final QueueConsole console;
    private final DeadLetterReplays replays;

    public ReplayDeadLettersService(QueueConsole console, DeadLetterReplays replays) {
        this.console = console;
        this.replays = replays;
    }

    @Override
    public ReplaySummary replay(OperatedQueue queue, ReplayFilter filter, boolean dryRun) {
        Run run = new Run(queue, filter, dryRun);
        try {
            int idle = 0;
            while (run.examined < filter.limit() && idle < RECEIVES_WITHOUT_NEWS_TO_STOP) {
                idle = run.take(console.receive(queue, HOLD)) ? 0 : idle + 1;
            }
        } finally {
            console.release(queue, run.held);
        }
        return run.summary();
    }

    private final class Run {
        private final OperatedQueue queue;
        private final ReplayFilter filter;
        private final boolean dryRun;
        private final Set<String> seen = new HashSet<>();
        private final List<DeadLetter> held = new ArrayList<>();
        private final Map<ReplayOutcome, Integer> counts = new EnumMap<>(ReplayOutcome.class);
        private final List<ReplayedLetter> listed = new ArrayList<>();
        private final DeadLetterReplays.Batch batch;
        private int examined;
        private int matched;

        Run(OperatedQueue queue, ReplayFilter filter, boolean dryRun) {
            this.queue = queue;
            this.filter = filter;
            this.dryRun = dryRun;
            this.batch = replays.newRun(queue);
        }

        /** @return whether the batch held any letter not seen before */
        boolean take(List<DeadLetter> letters) {
            boolean fresh = false;
            for (DeadLetter letter : letters) {
                if (!seen.add(letter.sqsMessageId()) || examined >= filter.limit()) {
                    held.add(letter);
                    continue;
                }
                fresh = true;
                examined++;
                if (!filter.matches(letter)) {
                    held.add(letter);
                    continue;
                }
                matched++;
                record(letter, dryRun ? batch.plan(letter) : batch.replay(letter));
            }
            return fresh;
        }

        private void record(DeadLetter letter, ReplayedLetter outcome) {
            counts.merge(outcome.outcome(), 1, Integer::sum);
            if (outcome.outcome() != ReplayOutcome.MOVED && outcome.outcome() != ReplayOutcome.SKIPPED) {
                held.add(letter);
            }
            if (listed.size() < ReplaySummary.MAX_LISTED) {
                listed.add(outcome);
            }
        }

        ReplaySummary summary() {
            return new ReplaySummary(queue, dryRun, examined, matched,
                    count(ReplayOutcome.MOVED) + count(ReplayOutcome.WOULD_MOVE),
                    count(ReplayOutcome.SKIPPED) + count(ReplayOutcome.WOULD_SKIP),
                    count(ReplayOutcome.FAILED) + count(ReplayOutcome.WOULD_FAIL), listed);
        }

        private int count(ReplayOutcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }
    }
}
