package io.tenantchat.api.erasure.adapter.out.dynamodb;

import io.tenantchat.api.erasure.domain.Counts;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.ErasureSubject;
import io.tenantchat.api.erasure.domain.JobId;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The jobs table's items (docs/architecture.md "Jobs"): hash {@code tenant_id} (the subject's tenant), range
 * {@code job_id}. A job item; and one guard item per subject while a job runs ({@code job_id} =
 * {@code active#user#<user>} or {@code active#tenant}, {@code current_job}), put and deleted in the same transaction
 * as the job's start and end, so two jobs never run for one subject. {@code run_state} ({@code running}) and
 * {@code lease_until} (epoch ms) exist only while a job runs: GSI {@value #LEASE_INDEX} lists expired leases.
 */
final class JobItems {

    static final String JOB_INDEX = "job_id-index";
    static final String LEASE_INDEX = "run_state-lease_until-index";
    static final String RUNNING = "running";
    private static final String COUNT = "count_";

    private JobItems() {
    }

    static Map<String, AttributeValue> key(TenantId tenantId, String jobId) {
        return Map.of("tenant_id", s(tenantId.value()), "job_id", s(jobId));
    }

    static String guardKey(ErasureSubject subject) {
        return subject.user().map(u -> "active#user#" + u.value()).orElse("active#tenant");
    }

    static Map<String, AttributeValue> guard(ErasureSubject subject, JobId job) {
        Map<String, AttributeValue> item = new HashMap<>(key(subject.tenantId(), guardKey(subject)));
        item.put("current_job", s(job.value()));
        return item;
    }

    static Map<String, AttributeValue> item(ErasureJob job, String owner, Instant leaseUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.subject().tenantId(), job.id().value()));
        item.put("kind", s(job.subject().kind()));
        job.subject().user().ifPresent(u -> item.put("subject_user", s(u.value())));
        item.put("status", s(job.status().wire()));
        item.put("step", s(job.step().wire()));
        item.put("run_state", s(RUNNING));
        item.put("lease_owner", s(owner));
        item.put("lease_until", n(leaseUntil.toEpochMilli()));
        item.put("started_by_tenant", s(job.starterTenant().value()));
        item.put("started_by_user", s(job.starterUser().value()));
        item.put("actor", s(job.actor()));
        item.put("request_id", s(job.requestId()));
        item.put("started_at", s(job.startedAt().toString()));
        item.put("attempts", n(job.attempts()));
        Counts.ALL.forEach(name -> item.put(COUNT + name, n(0)));
        return item;
    }

    static ErasureJob job(Map<String, AttributeValue> item) {
        TenantId tenant = TenantId.of(text(item, "tenant_id"));
        String user = text(item, "subject_user");
        ErasureSubject subject = user == null ? ErasureSubject.tenant(tenant) : ErasureSubject.user(tenant, UserId.of(user));
        Map<String, Long> counts = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(COUNT)) {
                counts.put(name.substring(COUNT.length()), Long.parseLong(value.n()));
            }
        });
        String finished = text(item, "finished_at");
        AttributeValue attempts = item.get("attempts");
        return new ErasureJob(new JobId(required(item, "job_id")), subject,
                TenantId.of(required(item, "started_by_tenant")), UserId.of(required(item, "started_by_user")),
                required(item, "actor"), required(item, "request_id"), JobStatus.ofWire(required(item, "status")),
                ErasureStep.ofWire(required(item, "step")), counts, Instant.parse(required(item, "started_at")),
                finished == null ? null : Instant.parse(finished), attempts == null ? 0 : Integer.parseInt(attempts.n()));
    }

    /**
     * The checkpoint on the job item: adds {@code counts} (and remembers {@code users}), renews the lease, on
     * condition this runner still holds it and the job runs.
     */
    static Update checkpoint(String table, JobLease lease, @Nullable ErasureStep step, Map<String, Long> counts,
            Collection<UserId> users, Instant leaseUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        set.add("lease_until = :until");
        values.put(":until", n(leaseUntil.toEpochMilli()));
        if (step != null) {
            set.add("#step = :step");
            names.put("#step", "step");
            values.put(":step", s(step.wire()));
        }
        StringJoiner add = new StringJoiner(", ", " ADD ", "");
        int i = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            if (count.getValue() != 0) {
                add.add("#c" + i + " :c" + i);
                names.put("#c" + i, COUNT + count.getKey());
                values.put(":c" + i, n(count.getValue()));
                i++;
            }
        }
        if (!users.isEmpty()) {
            add.add("#users :users");
            names.put("#users", "users");
            values.put(":users", AttributeValue.fromSs(users.stream().map(UserId::value).distinct().toList()));
        }
        names.put("#status", "status");
        values.put(":me", s(lease.owner()));
        values.put(":running", s(JobStatus.RUNNING.wire()));
        String expression = set + (add.length() > " ADD ".length() ? add.toString() : "");
        return Update.builder().tableName(table).key(key(lease.tenantId(), lease.jobId().value()))
                .updateExpression(expression)
                .conditionExpression("lease_owner = :me AND #status = :running")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    static @Nullable String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static String required(Map<String, AttributeValue> item, String name) {
        String value = text(item, name);
        if (value == null) {
            throw new IllegalStateException("job item without " + name);
        }
        return value;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
