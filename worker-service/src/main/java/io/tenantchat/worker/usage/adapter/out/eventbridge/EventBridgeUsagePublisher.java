package io.tenantchat.worker.usage.adapter.out.eventbridge;

import io.micrometer.observation.ObservationRegistry;
import io.tenantchat.observability.TraceContext;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.worker.usage.config.UsageProperties;
import io.tenantchat.worker.usage.application.UsageNotPublishedException;
import io.tenantchat.worker.usage.application.UsagePublisher;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * PutEvents in batches of at most 10 gathered across jobs ({@link EntryBatcher}: a batch leaves at most
 * {@code batch-wait} after its first event). Entries EventBridge refuses ({@code FailedEntryCount}) are sent again,
 * and whole calls that fail after the SDK's own retries are tried again, with growing pauses, until the publish
 * budget is spent; only then does the caller learn that usage is not published (and leaves its job
 * unacknowledged). A caller returns only once its own events were accepted.
 * Events are deduplicated downstream by {@code event_id}, so a resend never counts twice. Each detail carries the
 * current trace context in its {@value TraceContext#EVENT_MEMBER} member, so the aggregator continues the trace.
 */
@Component
class EventBridgeUsagePublisher implements UsagePublisher {

    static final int MAX_BATCH = 10;

    private final EventBridgeClient eventBridge;
    private final JsonMapper json;
    private final UsageProperties settings;
    private final ObservationRegistry observations;
    private final EntryBatcher<PutEventsRequestEntry> batcher;

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
        this.batcher = new EntryBatcher<>(this::putEvents, MAX_BATCH, settings.batchWaitOrDefault(),
                settings.initialBackoff(), settings.maxBackoff());
    }

    /**
     * Hands the events to the batcher, which sends them with other jobs' events (at most 10 per PutEvents, at most
     * {@code tenantchat.usage.batch-wait} after the first), and waits until EventBridge accepted each of them.
     */
    @Override
    public void publish(List<ModelInvoked> events) {
        TraceContext.sending(observations, "tenantchat.usage.publish", "Amazon EventBridge", trace -> {
            long deadline = System.nanoTime() + settings.publishTimeout().toNanos();
            List<CompletableFuture<Void>> accepted = events.stream()
                    .map(event -> batcher.submit(entry(event, trace), deadline)).toList();
            for (CompletableFuture<Void> one : accepted) {
                await(one);
            }
            return events.size();
        });
    }

    private static void await(CompletableFuture<Void> accepted) {
        try {
            accepted.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UsageNotPublishedException notPublished) {
                throw notPublished;
            }
            throw new UsageNotPublishedException("usage event not published", e.getCause());
        } catch (CancellationException e) {
            throw new UsageNotPublishedException("usage publishing stopped", e);
        }
    }

    /** One PutEvents; the positions of refused entries ({@code FailedEntryCount}). */
    private List<Integer> putEvents(List<PutEventsRequestEntry> entries) {
        PutEventsResponse response = eventBridge.putEvents(r -> r.entries(entries));
        if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
            return List.of();
        }
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (response.entries().get(i).errorCode() != null) {
                refused.add(i);
            }
        }
        return refused;
    }

    @PreDestroy
    void stop() {
        batcher.close();
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

}
