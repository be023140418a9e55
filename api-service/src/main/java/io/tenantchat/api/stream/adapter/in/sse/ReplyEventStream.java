package io.tenantchat.api.stream.adapter.in.sse;

import io.tenantchat.shared.stream.StreamEvent;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream. Reply events may arrive on an I/O thread that must not block, so frames are queued and
 * written by one task at a time on {@code writer}; a client that falls {@value #MAX_PENDING} frames behind is cut
 * off (it resumes with {@code Last-Event-ID}). The terminal frame completes the response; {@link #onEnd} runs once
 * however it ends.
 */
final class ReplyEventStream {

    static final int MAX_PENDING = 1_000;

    private final SseEmitter emitter;
    private final ReplyFrames frames;
    private final Executor writer;
    private final Queue<SseFrame> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnd;

    ReplyEventStream(SseEmitter emitter, ReplyFrames frames, Executor writer, Runnable onEnd) {
        this.emitter = emitter;
        this.frames = frames;
        this.writer = writer;
        this.onEnd = onEnd;
        emitter.onCompletion(this::end);
        emitter.onTimeout(this::end);
        emitter.onError(e -> end());
    }

    /** A reply event of the session: frames for it are written in order. */
    void accept(StreamEvent event) {
        List<SseFrame> next;
        synchronized (frames) {
            next = frames.on(event);
        }
        for (SseFrame frame : next) {
            pending.add(frame);
            if (queued.incrementAndGet() == 1) {
                writer.execute(this::drain);
            } else if (queued.get() > MAX_PENDING) {
                end();
                emitter.complete();
            }
        }
    }

    /** A comment line, so that proxies keep an idle stream open. */
    void keepAlive() {
        if (!ended.get()) {
            writer.execute(() -> {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    end();
                }
            });
        }
    }

    boolean ended() {
        return ended.get();
    }

    private void drain() {
        do {
            SseFrame frame = pending.poll();
            if (frame != null && !ended.get()) {
                write(frame);
            }
        } while (queued.decrementAndGet() > 0);
    }

    private void write(SseFrame frame) {
        try {
            emitter.send(SseEmitter.event().id(frame.id()).name(frame.event()).data(frame.data(),
                    MediaType.APPLICATION_JSON));
            if (frame.terminal()) {
                end();
                emitter.complete();
            }
        } catch (IOException | IllegalStateException clientGone) {
            end();
        }
    }

    void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}
