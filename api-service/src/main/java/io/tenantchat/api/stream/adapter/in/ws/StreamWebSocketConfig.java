package io.tenantchat.api.stream.adapter.in.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.tenantchat.api.stream.config.StreamProperties;
import io.tenantchat.api.stream.application.StreamRepliesUseCase;
import io.tenantchat.api.web.CallerSlots;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@code /ws}. Origins are not restricted: a socket carries no cookie or ambient credential, it is
 * authorised only by the ID token it presents.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamWebSocketConfig implements WebSocketConfigurer, DisposableBean {

    private final SocketAuthenticator authenticator;
    private final StreamSocketHandler handler;
    /** Socket sends: each socket drains its own bounded queue on a virtual thread, never on the Redis thread. */
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("socket-send-", 0).factory());

    StreamWebSocketConfig(SocketAuthenticator authenticator, StreamRepliesUseCase streams, JsonMapper json,
            ScheduledExecutorService streamScheduler, StreamProperties stream, ObjectProvider<MeterRegistry> registry) {
        this.authenticator = authenticator;
        this.handler = new StreamSocketHandler(authenticator, streams, json, streamScheduler, stream.authTimeout(),
                new StreamSocketHandler.Bounds(new CallerSlots(stream.maxSocketsPerUser()),
                        stream.maxSubscriptionsPerSocket(), new SocketOutbox.Limits(stream.sendTimeLimit(),
                                stream.sendBufferLimit().toBytes(), senders, slowSockets(registry))));
    }

    /** {@code tenantchat.stream.slow_sockets}: sockets closed because they fell behind. */
    private static Counter slowSockets(ObjectProvider<MeterRegistry> registry) {
        return Counter.builder("tenantchat.stream.slow_sockets")
                .description("sockets closed (1008 too slow) because they fell behind their send buffer or send time")
                .register(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws")
                .addInterceptors(new BearerProtocolHandshake(authenticator))
                .setAllowedOriginPatterns("*");
    }
}
