package io.tenantchat.api.operations.application;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.ReplayFilter;
import io.tenantchat.api.operations.domain.ReplayOutcome;
import io.tenantchat.api.operations.domain.ReplaySummary;
import io.tenantchat.api.operations.domain.ReplayedLetter;
import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
    private final AuditRecorder audit;

    /** @param audit where each tenant's share of a replay is recorded, after the replay */
    public ReplayDeadLettersService(QueueConsole console, DeadLetterReplays replays, AuditRecorder audit) {
        this.console = console;
        this.replays = replays;
        this.audit = audit;
    }

    @Override
    public ReplaySummary replay(Caller caller, OperatedQueue queue, ReplayFilter filter, boolean dryRun) {
        Run run = new Run(queue, filter, dryRun);
        try {
            int idle = 0;
            while (run.examined < filter.limit() && idle < RECEIVES_WITHOUT_NEWS_TO_STOP) {
                idle = run.take(console.receive(queue, HOLD)) ? 0 : idle + 1;
            }
        } finally {
            console.release(queue, run.held);
            // SQS is not part of a DynamoDB transaction: what was done is recorded once it is done, also when the
            // run ends early (a crash in between loses the entry, never invents one: docs/architecture.md "Audit")
            run.byTenant.forEach((tenant, counts) -> audit.record(audit.event(caller, tenant,
                    "dead_letters.replayed", queue.wireName(), Map.of(), counts)));
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
        private final Map<TenantId, Map<String, String>> byTenant = new TreeMap<>(
                Comparator.comparing(TenantId::value));
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
            if (!dryRun && outcome.key() != null) {
                byTenant.computeIfAbsent(outcome.key().tenantId(), t -> new TreeMap<>())
                        .merge(outcome.outcome().name().toLowerCase(Locale.ROOT), "1",
                                (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
            }
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
