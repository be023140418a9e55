package io.tenantchat.localstack.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observation registries for adapter tests that stand in for a tracer's propagating handlers: one writes a fixed
 * W3C {@code traceparent} into every outgoing carrier, the other records the {@code traceparent} every incoming
 * carrier held. The real tracer (Micrometer Tracing over OpenTelemetry) is exercised end to end.
 */
public final class FixedTraceContext {

    public static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    public static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

    private FixedTraceContext() {
    }

    /** Sender observations of this registry carry {@link #TRACEPARENT}. */
    public static ObservationRegistry injecting() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext;
            }
        });
        return registry;
    }

    /** Receiver observations of this registry add the {@code traceparent} they were handed (or null) to {@code seen}. */
    public static ObservationRegistry extracting(List<String> seen) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<ReceiverContext<Object>>() {
            @Override
            public void onStart(ReceiverContext<Object> context) {
                seen.add(context.getGetter().get(context.getCarrier(), "traceparent"));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ReceiverContext;
            }
        });
        return registry;
    }

    /** A thread-safe list for {@link #extracting(List)}. */
    public static List<String> seen() {
        return new CopyOnWriteArrayList<>();
    }
}
