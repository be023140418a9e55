package io.tenantchat.api.erasure.adapter.in.web;

import io.tenantchat.api.erasure.domain.Counts;
import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.JobStatus;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A job as {@code GET /api/jobs/{job_id}} shows it: status, step and counts so far; {@code certificate} once
 * completed (the counts removed per table and queue, times, actor and subject).
 */
record JobResponse(String jobId, String kind, String status, String step, Subject subject, Map<String, Long> counts,
        Instant startedAt, @Nullable Instant finishedAt, int takeovers, @Nullable Certificate certificate,
        Map<String, String> links) {

    record Subject(String tenantId, @Nullable String userId) {
    }

    record Certificate(Subject subject, String actor, Instant startedAt, @Nullable Instant finishedAt,
            Map<String, Long> removed) {
    }

    static String path(ErasureJob job) {
        return "/api/jobs/" + job.id().value();
    }

    static JobResponse of(ErasureJob job) {
        Subject subject = new Subject(job.subject().tenantId().value(),
                job.subject().user().map(u -> u.value()).orElse(null));
        Map<String, Long> counts = Counts.complete(job.counts());
        Certificate certificate = job.status() == JobStatus.COMPLETED
                ? new Certificate(subject, job.actor(), job.startedAt(), job.finishedAt(), counts) : null;
        return new JobResponse(job.id().value(), job.subject().kind(), job.status().wire(), job.step().wire(), subject,
                counts, job.startedAt(), job.finishedAt(), job.attempts(), certificate, Map.of("self", path(job)));
    }
}
