package io.tenantchat.worker.usage.adapter.out.eventbridge;

import io.micrometer.observation.ObservationRegistry;
import io.tenantchat.shared.observability.TraceContext;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.worker.config.UsageProperties;
import io.tenantchat.worker.usage.application.UsageNotPublishedException;
import io.tenantchat.worker.usage.application.UsagePublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * PutEvents in batches of at most 10. Entries EventBridge refuses ({@code FailedEntryCount}) are sent again, and
 * whole calls that fail after the SDK's own retries are tried again, with growing pauses, until the publish budget
 * is spent; only then does the caller learn that usage is not published (and leaves its job unacknowledged).
 * Events are deduplicated downstream by {@code event_id}, so a resend never counts twice. Each detail carries the
 * current trace context in its {@value TraceContext#EVENT_MEMBER} member, so the aggregator continues the trace.
 */
@Component
class EventBridgeUsagePublisher implements UsagePublisher {

    private static final Logger log = LoggerFactory.getLogger(EventBridgeUsagePublisher.class);
    static final int MAX_BATCH = 10;

    private final EventBridgeClient eventBridge;
    private final JsonMapper json;
    private final UsageProperties settings;
    private final ObservationRegistry observations;

    EventBridgeUsagePublisher(EventBridgeClient eventBridge, JsonMapper json, UsageProperties settings) {
        this(eventBridge, json, settings, ObservationRegistry.NOOP);
    }

    @Autowired
    EventBridgeUsagePublisher(EventBridgeClient eventBridge, JsonMapper json, UsageProperties settings,
            ObservationRegistry observations) {
        this.eventBridge = eventBridge;
        this.json = json;
        this.settings = settings;
        this.observations = observations;
    }

    @Override
    public void publish(List<ModelInvoked> events) {
        TraceContext.sending(observations, "tenantchat.usage.publish", "Amazon EventBridge", trace -> {
            Instant deadline = Instant.now().plus(settings.publishTimeout());
            for (int from = 0; from < events.size(); from += MAX_BATCH) {
                List<PutEventsRequestEntry> batch = events.subList(from, Math.min(events.size(), from + MAX_BATCH))
                        .stream().map(event -> entry(event, trace)).toList();
                publishBatch(batch, deadline);
            }
            return events.size();
        });
    }

    private void publishBatch(List<PutEventsRequestEntry> batch, Instant deadline) {
        List<PutEventsRequestEntry> pending = batch;
        Duration pause = settings.initialBackoff();
        while (true) {
            SdkException failure = null;
            try {
                pending = refused(pending, putEvents(pending));
            } catch (SdkException e) {
                failure = e;
            }
            if (failure == null && pending.isEmpty()) {
                return;
            }
            if (Instant.now().plus(pause).isAfter(deadline)) {
                throw new UsageNotPublishedException(pending.size() + " usage events not published", failure);
            }
            log.warn("{} usage events not published yet, trying again in {} ms", pending.size(), pause.toMillis());
            pause(pause);
            pause = min(pause.multipliedBy(2), settings.maxBackoff());
        }
    }

    private PutEventsResponse putEvents(List<PutEventsRequestEntry> entries) {
        return eventBridge.putEvents(r -> r.entries(entries));
    }

    private static List<PutEventsRequestEntry> refused(List<PutEventsRequestEntry> sent, PutEventsResponse response) {
        if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
            return List.of();
        }
        List<PutEventsRequestEntry> again = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (response.entries().get(i).errorCode() != null) {
                again.add(sent.get(i));
            }
        }
        return again;
    }

    private PutEventsRequestEntry entry(ModelInvoked event, Map<String, String> trace) {
        return PutEventsRequestEntry.builder()
                .eventBusName(settings.busName())
                .source(ModelInvoked.SOURCE)
                .detailType(ModelInvoked.DETAIL_TYPE)
                .time(event.invocationTime())
                .detail(json.writeValueAsString(new TracedDetail(event, trace.isEmpty() ? null : trace)))
                .build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageNotPublishedException("interrupted while publishing usage", e);
        }
    }
}
