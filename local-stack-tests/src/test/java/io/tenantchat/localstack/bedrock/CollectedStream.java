package io.tenantchat.localstack.bedrock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/** What a ConverseStream subscriber saw, in order, with the time of each delta. */
final class CollectedStream {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final List<Long> deltaNanos = new CopyOnWriteArrayList<>();
    final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    final AtomicReference<ConverseStreamMetadataEvent> metadata = new AtomicReference<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();

    ConverseStreamResponseHandler handler() {
        return ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onMessageStart(event -> events.add("messageStart"))
                        .onContentBlockDelta(event -> delta(event.delta().text()))
                        .onContentBlockStop(event -> events.add("contentBlockStop"))
                        .onMessageStop(event -> {
                            events.add("messageStop");
                            stopReason.set(event.stopReason());
                        })
                        .onMetadata(event -> {
                            events.add("metadata");
                            metadata.set(event);
                        })
                        .build())
                .onError(error::set)
                .build();
    }

    String text() {
        return String.join("", deltas);
    }

    private void delta(String text) {
        deltaNanos.add(System.nanoTime());
        deltas.add(text);
        events.add("contentBlockDelta");
    }
}
