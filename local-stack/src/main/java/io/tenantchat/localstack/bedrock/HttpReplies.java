package io.tenantchat.localstack.bedrock;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.UUID;

/** Writes responses with the headers Bedrock sends; the HTTP/2 codec turns them into frames where needed. */
final class HttpReplies {

    static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    private HttpReplies() {}

    static void json(ChannelHandlerContext ctx, boolean keepAlive, Object body) {
        send(ctx, keepAlive, response(HttpResponseStatus.OK, BedrockWire.bytes(body)));
    }

    static void error(ChannelHandlerContext ctx, boolean keepAlive, ErrorReply error) {
        byte[] body = BedrockWire.bytes(new BedrockWire.ErrorMessage(error.message()));
        FullHttpResponse response = response(error.status(), body);
        response.headers().set("x-amzn-errortype", error.type());
        send(ctx, keepAlive, response);
    }

    /** The head of an event stream; its frames follow as chunks (HTTP/1.1) or DATA frames (HTTP/2). */
    static HttpResponse eventStreamHead(boolean keepAlive) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM).set("x-amzn-requestid", UUID.randomUUID());
        HttpUtil.setTransferEncodingChunked(head, true);
        HttpUtil.setKeepAlive(head, keepAlive);
        return head;
    }

    static void closeUnlessKeptAlive(ChannelFuture lastWrite, boolean keepAlive) {
        if (!keepAlive) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] json) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(json));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.CONTENT_LENGTH, json.length)
                .set("x-amzn-requestid", UUID.randomUUID());
        return response;
    }

    private static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        closeUnlessKeptAlive(ctx.writeAndFlush(response), keepAlive);
    }
}
