package io.tenantchat.localstack.standin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import java.util.UUID;

/** One request and the means to answer it once: a whole response or a chunked stream. */
public final class Exchange {

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final RecordedRequest request;

    Exchange(ChannelHandlerContext ctx, boolean keepAlive, RecordedRequest request) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.request = request;
    }

    public RecordedRequest request() {
        return request;
    }

    /** A whole response with {@code Content-Length} and an {@code x-amzn-requestid}. */
    public void respond(int status, String contentType, Map<String, String> headers, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("x-amzn-requestid", UUID.randomUUID());
        headers.forEach(response.headers()::set);
        HttpUtil.setKeepAlive(response, keepAlive);
        ResponseStream.closeUnlessKeptAlive(ctx.writeAndFlush(response), keepAlive);
    }

    /** Sends a 200 head with chunked transfer encoding; the body follows through the returned stream. */
    public ResponseStream openStream(String contentType, Map<String, String> headers) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType).set("x-amzn-requestid", UUID.randomUUID());
        headers.forEach(head.headers()::set);
        HttpUtil.setTransferEncodingChunked(head, true);
        HttpUtil.setKeepAlive(head, keepAlive);
        ctx.writeAndFlush(head);
        return new ResponseStream(ctx, keepAlive);
    }
}
