package io.tenantchat.localstack.standin;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns each aggregated request into a {@link RecordedRequest} and an {@link Exchange} for the stand-in's handler. */
final class ExchangeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(ExchangeHandler.class);

    private final String name;
    private final Consumer<Exchange> handler;

    ExchangeHandler(String name, Consumer<Exchange> handler) {
        this.name = name;
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        handler.accept(new Exchange(ctx, HttpUtil.isKeepAlive(request), recorded(request)));
    }

    private static RecordedRequest recorded(FullHttpRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
        return new RecordedRequest(request.method().name(), new QueryStringDecoder(uri).rawPath(),
                question < 0 ? "" : uri.substring(question + 1), headers,
                request.content().toString(StandardCharsets.UTF_8));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("{} closes a connection after an error", name, cause);
        ctx.close();
    }
}
