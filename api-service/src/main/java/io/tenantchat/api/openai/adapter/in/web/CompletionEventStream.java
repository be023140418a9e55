package io.tenantchat.api.openai.adapter.in.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One streamed completion. Reply events may arrive on an I/O thread that must not block, so their data is written
 * by one virtual thread of this stream, in order; {@code [DONE]} or an error event completes the response.
 * {@link #onEnd} runs once however it ends, told whether the client left before its last event (a write or a
 * keep-alive failed, or the container reported the connection gone) rather than the stream completing.
 */
final class CompletionEventStream {

    private final SseEmitter emitter;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("v1-completion-stream").factory());
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<Boolean> onEnd;
    /** The last event was written and the response completed by this stream. */
    private volatile boolean finished;

    /** @param onEnd runs once when the stream ends, with {@code true} when the client left before its last event */
    CompletionEventStream(SseEmitter emitter, Consumer<Boolean> onEnd) {
        this.emitter = emitter;
        this.onEnd = onEnd;
        emitter.onCompletion(() -> end(!finished));
        emitter.onTimeout(() -> end(false));
        emitter.onError(e -> end(!finished));
    }

    /** Writes {@code data} in order; {@code last} completes the response after it. */
    void send(List<String> data, boolean last) {
        if (data.isEmpty() && !last) {
            return;
        }
        try {
            writer.execute(() -> write(data, last));
        } catch (RejectedExecutionException ended) {
            // the stream ended meanwhile: nothing more goes out
        }
    }

    /** A comment line, so that proxies keep a quiet stream open (OpenAI clients skip comments). */
    void keepAlive() {
        try {
            writer.execute(() -> {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException clientGone) {
                    end(true);
                }
            });
        } catch (RejectedExecutionException ended) {
            // nothing to keep alive
        }
    }

    boolean ended() {
        return ended.get();
    }

    private void write(List<String> data, boolean last) {
        if (ended.get()) {
            return;
        }
        try {
            for (String item : data) {
                emitter.send(SseEmitter.event().data(item));
            }
            if (last) {
                finished = true;
                emitter.complete();
                end(false);
            }
        } catch (IOException | IllegalStateException clientGone) {
            end(!finished);
        }
    }

    private void end(boolean clientLeft) {
        if (ended.compareAndSet(false, true)) {
            writer.shutdown();
            onEnd.accept(clientLeft);
        }
    }
}
