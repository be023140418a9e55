package io.tenantchat.usage.metering.adapter.in.sqs;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.tenantchat.localstack.tracing.FixedTraceContext;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.observability.LogContext;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.application.UsageEventPolicy;
import io.tenantchat.usage.metering.domain.RejectionReason;
import io.tenantchat.usage.metering.domain.UsageEventRejection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

class UsageEventListenerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> carried = FixedTraceContext.seen();
    private final List<String> loggedMessageIds = new ArrayList<>();
    private final List<ModelInvoked> recorded = new ArrayList<>();
    private final List<UsageEventRejection> deadLettered = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void continuesTheTraceTheWorkerPutInTheDetailAndLogsWithTheEventsMessage() {
        ModelInvoked event = anEvent().build();

        listener().onEvent(envelope(event, Map.of("traceparent", FixedTraceContext.TRACEPARENT)));

        assertThat(recorded).containsExactly(event);
        // the write continues it, and so does the event's outcome (its log line)
        assertThat(carried).containsExactly(FixedTraceContext.TRACEPARENT, FixedTraceContext.TRACEPARENT);
        assertThat(loggedMessageIds).containsExactly(event.messageId().value());
        assertThat(MDC.get(LogContext.MESSAGE_ID)).isNull();
    }

    @Test
    void eachEventsOutcomeIsLoggedInItsOwnTraceWhenOneReceiveMixesTheTracesOfSeveralMessages() {
        String otherTraceparent = "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01";
        ModelInvoked first = anEvent().build();
        ModelInvoked second = anEvent().build();

        listener().onBatch(List.of(envelope(first, Map.of("traceparent", FixedTraceContext.TRACEPARENT)),
                envelope(second, Map.of("traceparent", otherTraceparent))));

        assertThat(recorded).containsExactly(first, second);
        assertThat(carried).containsExactly(FixedTraceContext.TRACEPARENT, FixedTraceContext.TRACEPARENT,
                otherTraceparent);
    }

    @Test
    void anEventWithoutTraceContextIsStillCounted() {
        ModelInvoked event = anEvent().build();

        listener().onEvent(envelope(event, Map.of()));

        assertThat(recorded).containsExactly(event);
        assertThat(carried).containsExactly(null, null);
    }

    @Test
    void forgedOrMalformedEventsAreDeadLetteredWithTheirReasonCountedAndNeverRecorded() {
        UsageEventListener listener = listener();

        listener.onEvent(envelope(anEvent().tokens(-500L, 0L).build(), Map.of()));
        listener.onEvent(envelope(anEvent().build(), Map.of()).replace(ModelInvoked.SOURCE, "tenantchat.api"));
        listener.onEvent("{not json");
        listener.onEvent(envelope(anEvent().build(), Map.of()).replace("\"tenant_id\":\"tenant-001\"",
                "\"tenant_id\":\"../other\""));

        assertThat(recorded).isEmpty();
        assertThat(deadLettered).extracting(UsageEventRejection::reason).containsExactly(
                RejectionReason.VALUE_OUT_OF_RANGE, RejectionReason.WRONG_SOURCE, RejectionReason.MALFORMED,
                RejectionReason.MALFORMED);
        assertThat(meters.get(UsageEventListener.REJECTED).tag("reason", "malformed").counter().count())
                .isEqualTo(2);
        assertThat(meters.get(UsageEventListener.REJECTED).tag("reason", "wrong_source").counter().count())
                .isEqualTo(1);
    }

    private UsageEventListener listener() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of(
                "meters", meters, "tenants", new MetricTenants(Set.of()),
                "observations", FixedTraceContext.extracting(carried)));
        UsageEventPolicy policy = new UsageEventPolicy(new UsageEventPolicy.Limits("", "", 2_000_000,
                Duration.ofHours(1), new BigDecimal("100"), Duration.ofMinutes(5)));
        return new UsageEventListener(event -> {
            loggedMessageIds.add(MDC.get(LogContext.MESSAGE_ID));
            recorded.add(event);
            return true;
        }, policy, (body, rejection) -> deadLettered.add(rejection), JSON,
                beans.getBeanProvider(MeterRegistry.class), beans.getBeanProvider(MetricTenants.class),
                beans.getBeanProvider(ObservationRegistry.class), beans.getBeanProvider(Clock.class));
    }

    private static String envelope(ModelInvoked event, Map<String, String> trace) {
        String detail = JSON.writeValueAsString(event);
        if (!trace.isEmpty()) {
            detail = detail.substring(0, detail.length() - 1) + ",\"trace_context\":" + JSON.writeValueAsString(trace) + "}";
        }
        return """
                {"version": "0", "id": "e-1", "detail-type": "%s", "source": "%s", "time": "2026-11-29T13:45:00Z",
                 "detail": %s}
                """.formatted(ModelInvoked.DETAIL_TYPE, ModelInvoked.SOURCE, detail);
    }
}
