package io.tenantchat.api.erasure.adapter.out.dynamodb;

import static io.tenantchat.api.erasure.adapter.out.dynamodb.JobItems.n;
import static io.tenantchat.api.erasure.adapter.out.dynamodb.JobItems.s;

import io.tenantchat.api.audit.adapter.out.dynamodb.AuditItems;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.erasure.application.ErasureJobs;
import io.tenantchat.api.erasure.application.JobDirectory;
import io.tenantchat.api.erasure.application.LeaseLostException;
import io.tenantchat.api.erasure.config.ErasureProperties;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.JobRef;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The jobs table ({@link JobItems}). A job's own item calls are signed for its subject's tenant; the two index reads
 * over every tenant ({@link JobDirectory}: a job by id for an operator, expired leases for the sweeper) use the
 * service's client (docs/security.md section 4), and whoever reads a job is checked against it afterwards.
 */
@Component
class DynamoDbErasureJobs implements ErasureJobs, JobDirectory {

    private final TenantDynamoDb dynamo;
    private final DynamoDbClient serviceClient;
    private final ErasureProperties properties;
    private final String table;
    private final Clock clock;

    DynamoDbErasureJobs(TenantDynamoDb dynamo, DynamoDbClient serviceClient, ErasureProperties properties, Clock clock) {
        this.dynamo = dynamo;
        this.serviceClient = serviceClient;
        this.properties = properties;
        this.table = properties.tables().jobs();
        this.clock = clock;
    }

    @Override
    public Started start(TenantId tenantId, ErasureJob job, String owner) {
        TransactWriteItem guard = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(JobItems.guard(job.subject(), job.id())).conditionExpression("attribute_not_exists(job_id)")).build();
        TransactWriteItem item = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(JobItems.item(job, owner, leaseUntil())).conditionExpression("attribute_not_exists(job_id)")).build();
        try {
            dynamo.client(tenantId).transactWriteItems(t -> t.transactItems(guard, item));
            return new Started(job, true);
        } catch (TransactionCanceledException running) {
            Map<String, AttributeValue> held = dynamo.client(tenantId).getItem(g -> g.tableName(table)
                    .key(JobItems.key(tenantId, JobItems.guardKey(job.subject()))).consistentRead(true)).item();
            String id = held == null ? null : JobItems.text(held, "current_job");
            Optional<ErasureJob> current = id == null || !JobId.isValid(id) ? Optional.empty()
                    : find(tenantId, new JobId(id));
            // no guard: another request's transaction was in flight, or the running job ended meanwhile
            return new Started(current.orElseThrow(() -> new UnavailableException("erasure_contended",
                    "another erasure of this subject is starting or ending; retry")), false);
        }
    }

    @Override
    public Optional<ErasureJob> find(TenantId tenantId, JobId jobId) {
        Map<String, AttributeValue> item = dynamo.client(tenantId).getItem(g -> g.tableName(table)
                .key(JobItems.key(tenantId, jobId.value())).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !tenantId.value().equals(JobItems.text(item, "tenant_id"))) {
            return Optional.empty();
        }
        return Optional.of(JobItems.job(item));
    }

    @Override
    public void checkpoint(JobLease lease, ErasureStep step, Map<String, Long> counts) {
        update(lease, JobItems.checkpoint(table, lease, step, counts, List.of(), leaseUntil()));
    }

    @Override
    public Optional<JobLease> takeOver(TenantId tenantId, JobId jobId, String owner, Instant now) {
        try {
            dynamo.client(tenantId).updateItem(u -> u.tableName(table).key(JobItems.key(tenantId, jobId.value()))
                    .updateExpression("SET lease_owner = :me, lease_until = :until ADD attempts :one")
                    .conditionExpression("#status = :running AND lease_until < :now")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":until", n(leaseUntil().toEpochMilli()),
                            ":one", n(1), ":running", s(JobStatus.RUNNING.wire()), ":now", n(now.toEpochMilli()))));
            return Optional.of(new JobLease(tenantId, jobId, owner));
        } catch (ConditionalCheckFailedException heldOrEnded) {
            return Optional.empty();
        }
    }

    @Override
    public void complete(JobLease lease, AuditEntry entry, Instant finishedAt) {
        try {
            dynamo.client(lease.tenantId()).transactWriteItems(t -> t.transactItems(
                    end(lease, JobStatus.COMPLETED, finishedAt, null), AuditItems.put(properties.tables().audit(), entry),
                    releaseGuard(lease)));
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw new LeaseLostException("job " + lease.jobId().value() + " is no longer leased to " + lease.owner());
            }
            throw AuditItems.conflictOr(e, 1);
        }
    }

    @Override
    public void fail(JobLease lease, String reason, Instant finishedAt) {
        dynamo.client(lease.tenantId()).transactWriteItems(t -> t.transactItems(
                end(lease, JobStatus.FAILED, finishedAt, reason), releaseGuard(lease)));
    }

    @Override
    public Optional<JobRef> find(JobId jobId) {
        return serviceClient.query(q -> q.tableName(table).indexName(JobItems.JOB_INDEX)
                        .keyConditionExpression("job_id = :id")
                        .expressionAttributeValues(Map.of(":id", s(jobId.value()))).limit(1))
                .items().stream().findFirst()
                .map(item -> new JobRef(TenantId.of(JobItems.text(item, "tenant_id")), jobId));
    }

    @Override
    public List<JobRef> expiredLeases(Instant now, int limit) {
        return serviceClient.query(q -> q.tableName(table).indexName(JobItems.LEASE_INDEX)
                        .keyConditionExpression("run_state = :running AND lease_until < :now")
                        .expressionAttributeValues(Map.of(":running", s(JobItems.RUNNING), ":now", n(now.toEpochMilli())))
                        .limit(limit))
                .items().stream()
                .filter(item -> TenantId.isValid(JobItems.text(item, "tenant_id")) && JobId.isValid(JobItems.text(item, "job_id")))
                .map(item -> new JobRef(TenantId.of(JobItems.text(item, "tenant_id")),
                        new JobId(String.valueOf(JobItems.text(item, "job_id")))))
                .toList();
    }

    /** The job's last write: its status, out of the lease index, on condition the lease is still held. */
    private TransactWriteItem end(JobLease lease, JobStatus status, Instant finishedAt, @Nullable String reason) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.wire()),
                ":step", s(ErasureStep.DONE.wire()), ":at", s(finishedAt.toString()), ":me", s(lease.owner()),
                ":running", s(JobStatus.RUNNING.wire())));
        String set = "SET #status = :status, finished_at = :at" + (status == JobStatus.COMPLETED ? ", #step = :step" : "");
        if (reason != null) {
            set += ", error = :error";
            values.put(":error", s(reason));
        }
        if (status != JobStatus.COMPLETED) {
            values.remove(":step");
        }
        String expression = set + " REMOVE run_state, lease_until";
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(JobItems.key(lease.tenantId(), lease.jobId().value()))
                .updateExpression(expression)
                .conditionExpression("lease_owner = :me AND #status = :running")
                .expressionAttributeNames(status == JobStatus.COMPLETED ? Map.of("#status", "status", "#step", "step")
                        : Map.of("#status", "status"))
                .expressionAttributeValues(values)).build();
    }

    /** Deletes the subject's guard item if it still names this job. */
    private TransactWriteItem releaseGuard(JobLease lease) {
        ErasureJob job = find(lease.tenantId(), lease.jobId()).orElseThrow();
        return TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(JobItems.key(lease.tenantId(), JobItems.guardKey(job.subject())))
                .conditionExpression("attribute_not_exists(job_id) OR current_job = :job")
                .expressionAttributeValues(Map.of(":job", s(lease.jobId().value())))).build();
    }

    private void update(JobLease lease, Update update) {
        try {
            dynamo.client(lease.tenantId()).updateItem(u -> u.tableName(update.tableName()).key(update.key())
                    .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException lost) {
            throw new LeaseLostException("job " + lease.jobId().value() + " is no longer leased to " + lease.owner());
        }
    }

    private Instant leaseUntil() {
        return clock.instant().plus(properties.lease());
    }
}
