package io.tenantchat.api.erasure.adapter.out.dynamodb;

import io.tenantchat.api.erasure.application.LeaseLostException;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Deletes items in transactions of at most 99 deletes plus the job's checkpoint, so each batch and its counts land
 * together. Every delete is conditional on the item being there: a batch that meets an item gone meanwhile is
 * written again without it, so nothing is counted that this job did not delete. Groups (a message with its lookup
 * and idempotency item) never span two transactions.
 */
final class CountedDeletes {

    static final int MAX_DELETES = 99;
    private static final int ROUNDS = 10;

    /** One delete and the counter it raises; {@code user}: remember on the job (off-boarding's counter step). */
    record Counted(Delete delete, String counter, @Nullable UserId user) {
    }

    private final String jobsTable;
    private final Clock clock;
    private final Duration lease;

    CountedDeletes(String jobsTable, Clock clock, Duration lease) {
        this.jobsTable = jobsTable;
        this.clock = clock;
        this.lease = lease;
    }

    void run(DynamoDbClient client, JobLease job, List<List<Counted>> groups) {
        List<Counted> batch = new ArrayList<>();
        for (List<Counted> group : groups) {
            if (batch.size() + group.size() > MAX_DELETES) {
                write(client, job, batch);
                batch = new ArrayList<>();
            }
            batch.addAll(group);
        }
        write(client, job, batch);
    }

    private void write(DynamoDbClient client, JobLease job, List<Counted> deletes) {
        List<Counted> pending = new ArrayList<>(deletes);
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == ROUNDS) {
                throw new IllegalStateException("erasure batch still contended after " + ROUNDS + " rounds");
            }
            Map<String, Long> counts = new TreeMap<>();
            pending.forEach(d -> counts.merge(d.counter(), 1L, Long::sum));
            List<UserId> users = pending.stream().map(Counted::user).filter(u -> u != null).toList();
            List<TransactWriteItem> items = new ArrayList<>();
            pending.forEach(d -> items.add(TransactWriteItem.builder().delete(d.delete()).build()));
            items.add(TransactWriteItem.builder().update(JobItems.checkpoint(jobsTable, job, null, counts, users,
                    clock.instant().plus(lease))).build());
            try {
                client.transactWriteItems(t -> t.transactItems(items));
                return;
            } catch (TransactionCanceledException cancelled) {
                pending = withoutGone(job, pending, cancelled.cancellationReasons());
            }
        }
    }

    /** The deletes to try again: all but those whose item is gone; the job's own condition failing means lost. */
    private static List<Counted> withoutGone(JobLease job, List<Counted> pending, List<CancellationReason> reasons) {
        if (reasons.size() > pending.size() && failed(reasons.get(pending.size()))) {
            throw new LeaseLostException("job " + job.jobId().value() + " is no longer leased to " + job.owner());
        }
        List<Counted> again = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (i >= reasons.size() || !failed(reasons.get(i))) {
                again.add(pending.get(i));
            }
        }
        return again;
    }

    private static boolean failed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }
}
