package io.tenantchat.usage.metering.adapter.in.sqs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.observability.LogContext;
import io.tenantchat.observability.TraceContext;
import io.tenantchat.usage.metering.application.RejectedUsageEvents;
import io.tenantchat.usage.metering.application.UsageEventPolicy;
import io.tenantchat.usage.metering.domain.RejectionReason;
import io.tenantchat.usage.metering.domain.UsageEventRejection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.application.RecordOutcome;
import io.tenantchat.usage.metering.application.RecordUsageUseCase;
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import org.springframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import io.tenantchat.shared.usage.EventBridgeEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands the events of each receive that the {@link UsageEventPolicy} admits to the use case together. Any other
 * body (unreadable, not from the worker's rule, another account, values no model call has) goes at once to the
 * dead-letter queue with its reason, is counted in {@value #REJECTED} by reason, and changes no rollup. The batch
 * write continues the trace the worker put in the first event's detail ({@value TraceContext#EVENT_MEMBER}); each
 * event's outcome is logged in its own trace (a span {@code tenantchat.usage.outcome}) with its tenant, user and
 * message.
 */
@Component
class UsageEventListener {

    private static final Logger log = LoggerFactory.getLogger(UsageEventListener.class);
    static final String REJECTED = "tenantchat.usage.events.rejected";
    private static final TypeReference<EventBridgeEnvelope<ModelInvoked>> ENVELOPE = new TypeReference<>() { };

    private final RecordUsageUseCase recordUsage;
    private final UsageEventPolicy policy;
    private final RejectedUsageEvents rejected;
    private final Clock clock;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final MetricTenants tenants;
    private final ObservationRegistry observations;

    UsageEventListener(RecordUsageUseCase recordUsage, UsageEventPolicy policy, RejectedUsageEvents rejected,
            JsonMapper json, ObjectProvider<MeterRegistry> registry, ObjectProvider<MetricTenants> tenants,
            ObjectProvider<ObservationRegistry> observations, ObjectProvider<Clock> clock) {
        this.recordUsage = recordUsage;
        this.policy = policy;
        this.rejected = rejected;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.json = json;
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
        this.tenants = tenants.getIfAvailable(() -> new MetricTenants(Set.of()));
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    /**
     * A receive of up to 10 events: the refused ones are dead-lettered, the admitted ones counted together (one
     * batch write), and every message acknowledged (deleted in one batch) unless its event could not be stored,
     * which SQS then delivers again.
     */
    @SqsListener(value = "${tenantchat.queues.usage-events}", acknowledgementMode = "MANUAL")
    void onEvents(List<Message<String>> messages, BatchAcknowledgement<String> acknowledgement) {
        acknowledgement.acknowledge(handle(messages, Message::getPayload));
    }

    /** One event on its own, as {@link #onEvents} handles each. */
    void onEvent(String body) {
        handle(List.of(body), b -> b);
    }

    /** The bodies of one receive, handled together as {@link #onEvents} handles them. */
    void onBatch(List<String> bodies) {
        handle(bodies, b -> b);
    }

    /** @return the items that are done with (counted, duplicate or dead-lettered) */
    private <T> List<T> handle(List<T> items, Function<T, String> body) {
        List<T> done = new ArrayList<>();
        List<T> admittedItems = new ArrayList<>();
        List<Admitted> admitted = new ArrayList<>();
        for (T item : items) {
            try {
                Optional<Admitted> event = admit(body.apply(item));
                if (event.isPresent()) {
                    admittedItems.add(item);
                    admitted.add(event.get());
                } else {
                    done.add(item);
                }
            } catch (RuntimeException e) {
                log.warn("usage event left for redelivery: {}", e.toString());
            }
        }
        List<RecordOutcome> outcomes = count(admitted);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != RecordOutcome.FAILED) {
                done.add(admittedItems.get(i));
            }
        }
        return done;
    }

    /** An event the policy admits, with the trace context the worker put in its detail. */
    private record Admitted(ModelInvoked event, JsonNode traceContext) {}

    /** The event, or empty when it was refused (and dead-lettered). */
    private Optional<Admitted> admit(String body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (JacksonException e) {
            reject(body, new UsageEventRejection(RejectionReason.MALFORMED, "body is not JSON"));
            return Optional.empty();
        }
        Optional<UsageEventRejection> wrongEnvelope = policy.checkEnvelope(member(envelope, "source"),
                member(envelope, "detail-type"), member(envelope, "account"), member(envelope, "region"));
        if (wrongEnvelope.isPresent()) {
            reject(body, wrongEnvelope.get());
            return Optional.empty();
        }
        Optional<ModelInvoked> event = detail(body, envelope);
        Optional<UsageEventRejection> rejection = event.isEmpty()
                ? Optional.of(new UsageEventRejection(RejectionReason.MALFORMED, "detail is not a ModelInvoked event"))
                : policy.checkEvent(event.get(), clock.instant());
        if (rejection.isPresent()) {
            reject(body, rejection.get());
            return Optional.empty();
        }
        return Optional.of(new Admitted(event.get(), envelope.path("detail").path(TraceContext.EVENT_MEMBER)));
    }

    /**
     * Counts the events in one step, continuing the trace of the first (a batch write serves them all), and
     * counts each result by tenant.
     */
    private List<RecordOutcome> count(List<Admitted> admitted) {
        if (admitted.isEmpty()) {
            return List.of();
        }
        List<RecordOutcome> outcomes = TraceContext.receiving(observations, "tenantchat.usage.record",
                "Amazon EventBridge", carried(admitted.get(0).traceContext()), () -> record(admitted));
        for (int i = 0; i < outcomes.size(); i++) {
            // each event's outcome is logged in its own trace: a batch mixes the traces of several messages
            Admitted one = admitted.get(i);
            RecordOutcome outcome = outcomes.get(i);
            TraceContext.receiving(observations, "tenantchat.usage.outcome", "Amazon EventBridge",
                    carried(one.traceContext()), () -> {
                        logOutcome(one.event(), outcome);
                        return outcome;
                    });
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != RecordOutcome.FAILED) {
                Counter.builder("tenantchat.usage.events").description("usage events received, counted or duplicate")
                        .tag(MetricTenants.TAG, tenants.tagOf(admitted.get(i).event().tenantId()))
                        .tag("result", outcomes.get(i) == RecordOutcome.COUNTED ? "counted" : "duplicate")
                        .register(registry).increment();
            }
        }
        return outcomes;
    }

    /** Read from the body, not the tree, so that the cost keeps its exact decimal value. */
    private Optional<ModelInvoked> detail(String body, JsonNode envelope) {
        if (!envelope.path("detail").isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(body, ENVELOPE).detail());
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void reject(String body, UsageEventRejection rejection) {
        rejected.deadLetter(body, rejection);
        log.warn("usage event refused ({}: {}), kept in the dead-letter queue", rejection.reason().wireName(),
                rejection.detail());
        Counter.builder(REJECTED).description("usage events refused and dead-lettered, by reason")
                .tag("reason", rejection.reason().wireName()).register(registry).increment();
    }

    private static @Nullable String member(JsonNode envelope, String name) {
        JsonNode value = envelope.path(name);
        return value.isString() ? value.asString() : null;
    }

    /** The batch's work logs with the event's context when there is one event (each outcome is logged by count). */
    private List<RecordOutcome> record(List<Admitted> admitted) {
        List<RecordOutcome> outcomes;
        try (LogContext ignored = admitted.size() == 1 ? logContext(admitted.get(0).event()) : null) {
            outcomes = recordUsage.recordAll(admitted.stream().map(Admitted::event).toList());
        }
        return outcomes;
    }

    private static void logOutcome(ModelInvoked event, RecordOutcome outcome) {
        try (LogContext ignored = logContext(event)) {
            switch (outcome) {
                case COUNTED -> log.info("usage event {} counted ({} model call)", event.eventId(),
                        event.metricType());
                case DUPLICATE -> log.info("usage event {} was counted before", event.eventId());
                case FAILED -> log.warn("usage event {} could not be stored; left for redelivery", event.eventId());
            }
        }
    }

    private static LogContext logContext(ModelInvoked event) {
        return LogContext.of(LogContext.TENANT_ID, event.tenantId().value(), LogContext.USER_ID,
                event.userId().value(), LogContext.SESSION_ID, event.sessionId().value(), LogContext.MESSAGE_ID,
                event.messageId().value());
    }

    private static Map<String, String> carried(JsonNode traceContext) {
        Map<String, String> carried = new LinkedHashMap<>();
        traceContext.properties().forEach(entry -> {
            if (entry.getValue().isString() && carried.size() < TraceContext.MAX_ENTRIES) {
                carried.put(entry.getKey(), entry.getValue().asString());
            }
        });
        return carried;
    }
}
