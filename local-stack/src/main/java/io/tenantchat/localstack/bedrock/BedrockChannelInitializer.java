package io.tenantchat.localstack.bedrock;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpServerUpgradeHandler.UpgradeCodec;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

/**
 * Sets up a connection for h2c with prior knowledge (what the SDK's Netty client sends on {@code http://}),
 * h2c upgrade, or plain HTTP/1.1. Every request, whichever the protocol, reaches a {@link ConverseHandler} as a
 * {@code FullHttpRequest}.
 */
final class BedrockChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    private final StandInState state;

    BedrockChannelInitializer(StandInState state) {
        this.state = state;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        HttpServerCodec http1 = new HttpServerCodec();
        HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(http1, this::upgradeCodec, MAX_REQUEST_BYTES);
        channel.pipeline()
                .addLast(new CleartextHttp2ServerUpgradeHandler(http1, upgrade, http2PriorKnowledge()))
                .addLast(new Http1Fallback());
    }

    private UpgradeCodec upgradeCodec(CharSequence protocol) {
        if (!AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)) {
            return null;
        }
        return new Http2ServerUpgradeCodec(Http2FrameCodecBuilder.forServer().build(), multiplexer());
    }

    /** Put in place of the cleartext handler once the preface arrived: frame codec, then the stream multiplexer. */
    private ChannelHandler http2PriorKnowledge() {
        return new ChannelHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                Http2FrameCodec codec = Http2FrameCodecBuilder.forServer().build();
                ctx.pipeline().replace(this, null, codec);
                ctx.pipeline().addAfter(ctx.pipeline().context(codec).name(), null, multiplexer());
            }
        };
    }

    /** Each HTTP/2 stream becomes a child channel that sees HTTP/1-style objects. */
    private Http2MultiplexHandler multiplexer() {
        return new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel stream) {
                stream.pipeline().addLast(
                        new Http2StreamFrameToHttpObjectCodec(true),
                        new HttpObjectAggregator(MAX_REQUEST_BYTES),
                        new ConverseHandler(state));
            }
        });
    }

    /** Reached only when the client neither sent the HTTP/2 preface nor asked to upgrade: plain HTTP/1.1. */
    private final class Http1Fallback extends SimpleChannelInboundHandler<HttpMessage> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpMessage message) {
            ctx.pipeline().addAfter(ctx.name(), null, new ConverseHandler(state));
            ctx.pipeline().replace(this, null, new HttpObjectAggregator(MAX_REQUEST_BYTES));
            ctx.fireChannelRead(ReferenceCountUtil.retain(message));
        }
    }
}
