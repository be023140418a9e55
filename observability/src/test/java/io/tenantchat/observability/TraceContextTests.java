package io.tenantchat.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TraceContextTests {

    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void theSenderGetsWhatTheTracerInjectsLimitedToTraceEntries() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new Injecting());

        Map<String, String> sent = TraceContext.sending(registry, "test.send", "AWS SQS", carrier -> carrier);

        assertThat(sent).containsOnly(Map.entry("traceparent", PARENT), Map.entry("tracestate", "a=1"));
    }

    @Test
    void theSenderGetsNothingWithoutATracer() {
        Map<String, String> sent = TraceContext.sending(ObservationRegistry.NOOP, "test.send", "AWS SQS", c -> c);

        assertThat(sent).isEmpty();
    }

    @Test
    void theReceiverContinuesFromTheCarriedContextAndIgnoresNulls() {
        ObservationRegistry registry = ObservationRegistry.create();
        AtomicReference<String> extracted = new AtomicReference<>();
        registry.observationConfig().observationHandler(new Extracting(extracted));
        Map<String, String> carried = new HashMap<>();
        carried.put("traceparent", PARENT);
        carried.put("tracestate", null);

        String result = TraceContext.receiving(registry, "test.receive", "EventBridge", carried, () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(extracted).hasValue(PARENT);
    }

    /** Stands in for the tracer's propagating sender handler. */
    private static final class Injecting implements ObservationHandler<SenderContext<Object>> {
        @Override
        public void onStart(SenderContext<Object> context) {
            context.getSetter().set(context.getCarrier(), "traceparent", PARENT);
            context.getSetter().set(context.getCarrier(), "tracestate", "a=1");
            context.getSetter().set(context.getCarrier(), "baggage", "user=secret");
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof SenderContext;
        }
    }

    /** Stands in for the tracer's propagating receiver handler. */
    private record Extracting(AtomicReference<String> extracted) implements ObservationHandler<ReceiverContext<Object>> {
        @Override
        public void onStart(ReceiverContext<Object> context) {
            extracted.set(context.getGetter().get(context.getCarrier(), "traceparent"));
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof ReceiverContext;
        }
    }
}
