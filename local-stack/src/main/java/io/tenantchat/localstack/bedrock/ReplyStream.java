package io.tenantchat.localstack.bedrock;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.tenantchat.localstack.bedrock.BedrockWire.ContentBlockDelta;
import io.tenantchat.localstack.bedrock.BedrockWire.ContentBlockStop;
import io.tenantchat.localstack.bedrock.BedrockWire.Delta;
import io.tenantchat.localstack.bedrock.BedrockWire.MessageStart;
import io.tenantchat.localstack.bedrock.BedrockWire.MessageStop;
import io.tenantchat.localstack.bedrock.BedrockWire.Metadata;
import io.tenantchat.localstack.bedrock.BedrockWire.Metrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Streams one ConverseStream reply frame by frame, paced on the channel's event loop (never a blocking sleep):
 * {@code messageStart} at once, the first delta after the time to first token, one delta per token after that,
 * then {@code contentBlockStop}, {@code messageStop} and {@code metadata}, or a {@code throttlingException}
 * frame after {@code failAfterDeltas} deltas when that is not negative.
 */
final class ReplyStream {

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final StandInReply reply;
    private final Duration timeToFirstToken;
    private final long nanosPerToken;
    private final int failAfterDeltas;
    private final long receivedNanos;
    private final StandInState state;
    private final String tenant;
    private final String ref;
    private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean();
    private int sent;

    ReplyStream(ChannelHandlerContext ctx, boolean keepAlive, StandInReply reply, BedrockStandIn.Settings settings,
            int failAfterDeltas, long receivedNanos, StandInState state, String tenant, String ref) {
        this.state = state;
        this.tenant = tenant;
        this.ref = ref;
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.reply = reply;
        this.timeToFirstToken = settings.timeToFirstToken();
        this.nanosPerToken = TimeUnit.SECONDS.toNanos(1) / settings.tokensPerSecond();
        this.failAfterDeltas = failAfterDeltas;
        this.receivedNanos = receivedNanos;
    }

    void start() {
        open.set(true);
        state.streamOpened(tenant);
        ctx.channel().closeFuture().addListener(closed -> closedByClient());
        ctx.write(HttpReplies.eventStreamHead(keepAlive));
        ctx.writeAndFlush(chunk(EventStreamFrames.event("messageStart", new MessageStart("assistant"))));
        schedule(timeToFirstToken.toNanos());
    }

    private void step() {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (sent == failAfterDeltas) {
            finish(EventStreamFrames.exception("throttlingException",
                    "Too many tokens, please wait before trying again. (bedrock stand-in)"));
        } else if (sent == reply.outputTokens()) {
            finish(completion());
        } else {
            ContentBlockDelta delta = new ContentBlockDelta(0, new Delta(reply.delta(sent++)));
            ctx.writeAndFlush(chunk(EventStreamFrames.event("contentBlockDelta", delta)));
            if (sent == 1 && ref != null) {
                state.recordFirstToken(ref, receivedNanos, System.nanoTime());
            }
            schedule(sent < reply.outputTokens() ? nanosPerToken : 0);
        }
    }

    private ByteBuf[] completion() {
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedNanos);
        return new ByteBuf[] {
            EventStreamFrames.event("contentBlockStop", new ContentBlockStop(0)),
            EventStreamFrames.event("messageStop", new MessageStop(reply.stopReason())),
            EventStreamFrames.event("metadata", new Metadata(BedrockWire.usage(reply), new Metrics(latencyMs)))
        };
    }

    /** Counted once, whether the stream ends, fails or its client goes away. */
    private boolean close() {
        if (open.compareAndSet(true, false)) {
            state.streamClosed(tenant);
            return true;
        }
        return false;
    }

    /** The client closed the stream (or its connection) before the reply ended: a stopped or abandoned call. */
    private void closedByClient() {
        if (close()) {
            state.streamClosedByClient(tenant);
        }
    }

    private void finish(ByteBuf... frames) {
        close();
        for (ByteBuf frame : frames) {
            ctx.write(chunk(frame));
        }
        HttpReplies.closeUnlessKeptAlive(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
    }

    private void schedule(long delayNanos) {
        ctx.executor().schedule(this::step, delayNanos, TimeUnit.NANOSECONDS);
    }

    private static DefaultHttpContent chunk(ByteBuf frame) {
        return new DefaultHttpContent(frame);
    }
}
