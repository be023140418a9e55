package io.tenantchat.api.operations.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.operations.application.InspectQueuesUseCase;
import io.tenantchat.api.operations.application.ReplayDeadLettersUseCase;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.ReplayFilter;
import io.tenantchat.api.operations.domain.ReplaySummary;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queue stats, dead-letter peek and replay; {@code /api/admin/**} is for platform operators (SecurityConfig). */
@RestController
class QueueOperationsController {

    private static final Logger log = LoggerFactory.getLogger(QueueOperationsController.class);

    private final InspectQueuesUseCase inspect;
    private final ReplayDeadLettersUseCase replay;

    QueueOperationsController(InspectQueuesUseCase inspect, ReplayDeadLettersUseCase replay) {
        this.inspect = inspect;
        this.replay = replay;
    }

    @GetMapping("/api/admin/queues")
    QueueStatsResponse stats() {
        return QueueStatsResponse.of(inspect.stats());
    }

    @GetMapping("/api/admin/queues/{queue}/dead-letters")
    DeadLettersResponse peek(@PathVariable String queue, @RequestParam(required = false) @Nullable Integer limit) {
        int count = limit == null ? 10 : limit;
        if (count < 1 || count > InspectQueuesUseCase.MAX_PEEK) {
            throw new InvalidRequestException("invalid_limit", "limit must be between 1 and " + InspectQueuesUseCase.MAX_PEEK);
        }
        return DeadLettersResponse.of(queue, inspect.peek(queue(queue), count));
    }

    @PostMapping("/api/admin/queues/{queue}/dead-letters/replay")
    ReplayResponse replay(Caller caller, @PathVariable String queue,
            @RequestBody(required = false) @Nullable ReplayRequestBody body) {
        ReplayRequestBody request = body == null ? new ReplayRequestBody(null, null, null, null, null, null, null) : body;
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        ReplaySummary summary = replay.replay(caller, queue(queue), filter(request), dryRun);
        log.info("Operator {} replayed dead letters of {} (dry run {}): examined {}, moved {}, skipped {}, failed {}",
                caller.userId(), queue, dryRun, summary.examined(), summary.moved(), summary.skipped(), summary.failed());
        return ReplayResponse.of(summary);
    }

    private static OperatedQueue queue(String name) {
        return OperatedQueue.fromWireName(name)
                .orElseThrow(() -> new NotFoundException("queue_not_found", "no such queue: chat-requests or usage-events"));
    }

    private static ReplayFilter filter(ReplayRequestBody body) {
        int limit = body.limit() == null ? ReplayFilter.MAX_LIMIT : body.limit();
        if (limit < 1 || limit > ReplayFilter.MAX_LIMIT) {
            throw new InvalidRequestException("invalid_limit", "limit must be between 1 and " + ReplayFilter.MAX_LIMIT);
        }
        Instant from = instant("from", body.from());
        Instant to = instant("to", body.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("invalid_range", "from must be before to");
        }
        return new ReplayFilter(tenant(body.tenantId()), session(body.sessionId()), messageIds(body.messageIds()),
                from, to, limit);
    }

    private static @Nullable TenantId tenant(@Nullable String value) {
        if (value != null && !TenantId.isValid(value)) {
            throw new InvalidRequestException("invalid_tenant_id", "tenant_id is not a tenant id");
        }
        return value == null ? null : TenantId.of(value);
    }

    private static @Nullable SessionId session(@Nullable String value) {
        if (value != null && !SessionId.isValid(value)) {
            throw new InvalidRequestException("invalid_session_id", "session_id is not a session id");
        }
        return value == null ? null : SessionId.of(value);
    }

    private static Set<MessageId> messageIds(@Nullable List<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > ReplayFilter.MAX_LIMIT || values.stream().anyMatch(v -> !MessageId.isValid(v))) {
            throw new InvalidRequestException("invalid_message_ids", "message_ids must be message ids, at most "
                    + ReplayFilter.MAX_LIMIT);
        }
        return values.stream().map(MessageId::of).collect(Collectors.toSet());
    }

    private static @Nullable Instant instant(String field, @Nullable String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid_" + field, field + " must be an ISO-8601 instant");
        }
    }
}
