package io.tenantchat.localstack.standin;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Plays a streamed reply: the first token after the time to first token, one token per tick after that, then
 * the closing parts and the end of the body; or, when {@code failAfter} is not negative, the failure parts after
 * that many tokens.
 */
public final class PacedReply {

    private final ResponseStream stream;
    private final Pacing pacing;
    private final int tokens;
    private final IntFunction<byte[]> token;
    private final Supplier<List<byte[]>> closing;
    private final int failAfter;
    private final Supplier<List<byte[]>> failure;
    private int sent;

    /**
     * @param token the encoded part for token {@code i}
     * @param closing parts after the last token (stop, usage, done markers)
     * @param failAfter tokens sent before {@code failure}; negative for no failure
     */
    public PacedReply(ResponseStream stream, Pacing pacing, int tokens, IntFunction<byte[]> token,
            Supplier<List<byte[]>> closing, int failAfter, Supplier<List<byte[]>> failure) {
        this.stream = stream;
        this.pacing = pacing;
        this.tokens = tokens;
        this.token = token;
        this.closing = closing;
        this.failAfter = failAfter;
        this.failure = failure;
    }

    public void start() {
        stream.schedule(pacing.timeToFirstToken().toNanos(), this::step);
    }

    private void step() {
        if (!stream.isOpen()) {
            return;
        }
        if (sent == failAfter) {
            finish(failure.get());
        } else if (sent == tokens) {
            finish(closing.get());
        } else {
            stream.send(token.apply(sent++));
            stream.schedule(sent < tokens ? pacing.nanosPerToken() : 0, this::step);
        }
    }

    private void finish(List<byte[]> parts) {
        parts.forEach(stream::send);
        stream.end();
    }
}
