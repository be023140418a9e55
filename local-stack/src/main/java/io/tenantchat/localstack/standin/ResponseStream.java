package io.tenantchat.localstack.standin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.TimeUnit;

/** The body of a streamed response, written chunk by chunk on the connection's event loop. */
public final class ResponseStream {

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;

    ResponseStream(ChannelHandlerContext ctx, boolean keepAlive) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
    }

    /** False once the client went away: a paced stream stops there. */
    public boolean isOpen() {
        return ctx.channel().isActive();
    }

    public void send(byte[] part) {
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(part)));
    }

    /** Runs {@code step} on the event loop after {@code delayNanos}: pacing without blocking. */
    public void schedule(long delayNanos, Runnable step) {
        ctx.executor().schedule(step, delayNanos, TimeUnit.NANOSECONDS);
    }

    public void end() {
        closeUnlessKeptAlive(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
    }

    static void closeUnlessKeptAlive(ChannelFuture lastWrite, boolean keepAlive) {
        if (!keepAlive) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
