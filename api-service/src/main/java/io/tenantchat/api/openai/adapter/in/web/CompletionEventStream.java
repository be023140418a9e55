package io.tenantchat.api.openai.adapter.in.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One streamed completion. Reply events may arrive on an I/O thread that must not block, so their data is written
 * by one virtual thread of this stream, in order; {@code [DONE]} or an error event completes the response.
 * {@link #onEnd} runs once however it ends (completed, timed out, the client gone).
 */
final class CompletionEventStream {

    private final SseEmitter emitter;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("v1-completion-stream").factory());
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnd;

    CompletionEventStream(SseEmitter emitter, Runnable onEnd) {
        this.emitter = emitter;
        this.onEnd = onEnd;
        emitter.onCompletion(this::end);
        emitter.onTimeout(this::end);
        emitter.onError(e -> end());
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
                } catch (IOException | IllegalStateException e) {
                    end();
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
                emitter.complete();
                end();
            }
        } catch (IOException | IllegalStateException clientGone) {
            end();
        }
    }

    void end() {
        if (ended.compareAndSet(false, true)) {
            writer.shutdown();
            onEnd.run();
        }
    }
}
