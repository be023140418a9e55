package io.tenantchat.worker.reply.adapter.out.agentcore;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Reads the agent's byte stream as it arrives (the SDK's blocking input stream would hold lines back until its
 * buffer fills), splits it into lines on {@code \n} (never part of a multi-byte UTF-8 character) and hands them to
 * the parser; {@link #done()} completes when the stream ends, or fails with the first error.
 */
final class AgentStreamSubscriber implements Subscriber<ByteBuffer> {

    private final AgentStreamParser parser;
    private final AgentReply reply;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile @Nullable Subscription subscription;

    AgentStreamSubscriber(AgentStreamParser parser, AgentReply reply) {
        this.parser = parser;
        this.reply = reply;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    /** Stops reading: the caller gave up on this reply. */
    void cancel() {
        Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining() && !done.isDone()) {
                byte next = bytes.get();
                if (next == '\n') {
                    reply.accept(parser.line(takeLine()));
                } else {
                    line.write(next);
                }
            }
        } catch (RuntimeException e) {
            cancel();
            done.completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        try {
            if (line.size() > 0) {
                reply.accept(parser.line(takeLine()));
            }
            reply.accept(parser.finish());
            done.complete(null);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private String takeLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
