package io.tenantchat.localstack.standin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A plain HTTP/1.1 server on 127.0.0.1 that hands every request, whole, to one handler as an {@link Exchange}.
 * Handlers run on the server's event loop: they must not block, and pace streams with
 * {@link ResponseStream#schedule}.
 */
public final class StandInServer implements AutoCloseable {

    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    private static final String HOST = "127.0.0.1";

    private final EventLoopGroup group;
    private final Channel server;

    private StandInServer(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /** Binds 127.0.0.1 on {@code port}, or on a free port when it is 0; fails loudly if it cannot. */
    public static StandInServer start(String name, int port, Consumer<Exchange> handler) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                2, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(initializer(name, handler))
                    .bind(new InetSocketAddress(HOST, port)).sync().channel();
            return new StandInServer(group, server);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(name + " could not listen on " + HOST + ":" + port, e);
        }
    }

    /** The base URI, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static ChannelInitializer<SocketChannel> initializer(String name, Consumer<Exchange> handler) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                        new ExchangeHandler(name, handler));
            }
        };
    }
}
