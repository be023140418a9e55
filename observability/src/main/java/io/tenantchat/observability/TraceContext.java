package io.tenantchat.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * W3C trace context across the pipeline's asynchronous hops, through Micrometer Observation (the tracer behind it
 * writes and reads {@code traceparent}). The api puts it in the chat job's SQS message attributes, the worker in
 * the {@value #EVENT_MEMBER} member of the usage event's detail (EventBridge carries no message attributes to an
 * SQS target), and the aggregator continues the trace from there.
 */
public final class TraceContext {

    /** The member of an event's detail that holds the trace context: {@code {"traceparent": "00-…"}}. */
    public static final String EVENT_MEMBER = "trace_context";
    /** At most this many entries are carried (SQS allows 10 message attributes; baggage is not carried). */
    public static final int MAX_ENTRIES = 4;

    private TraceContext() {
    }

    /**
     * Runs {@code send} as a producer observation named {@code name}; it gets the trace context to carry (empty when
     * no tracer is configured).
     */
    public static <T> T sending(ObservationRegistry registry, String name, String remoteService,
            Function<Map<String, String>, T> send) {
        SenderContext<Map<String, String>> context = new SenderContext<>(TraceContext::put);
        context.setCarrier(new LinkedHashMap<>());
        context.setRemoteServiceName(remoteService);
        return Observation.createNotStarted(name, () -> context, registry)
                .observe(() -> send.apply(Map.copyOf(context.getCarrier())));
    }

    /**
     * Runs {@code work} as a consumer observation named {@code name} that continues the trace in {@code carried}
     * (a new trace when it holds none).
     */
    public static <T> T receiving(ObservationRegistry registry, String name, String remoteService,
            Map<String, String> carried, Supplier<T> work) {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        Map<String, String> carrier = new LinkedHashMap<>();
        carried.forEach((key, value) -> {
            if (key != null && value != null) {
                carrier.put(key, value);
            }
        });
        context.setCarrier(carrier);
        context.setRemoteServiceName(remoteService);
        return Observation.createNotStarted(name, () -> context, registry).observe(work);
    }

    private static void put(@Nullable Map<String, String> carrier, String key, String value) {
        if (carrier != null && key.startsWith("trace") && carrier.size() < MAX_ENTRIES) {
            carrier.put(key, value);
        }
    }
}
