package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.api.config.StreamProperties;
import io.tenantchat.api.stream.application.StreamRepliesUseCase;
import io.tenantchat.api.web.CallerSlots;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
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
            ScheduledExecutorService streamScheduler, StreamProperties stream) {
        this.authenticator = authenticator;
        this.handler = new StreamSocketHandler(authenticator, streams, json, streamScheduler, stream.authTimeout(),
                new StreamSocketHandler.Bounds(new CallerSlots(stream.maxSocketsPerUser()),
                        stream.maxSubscriptionsPerSocket(), new SocketOutbox.Limits(stream.sendTimeLimit(),
                                stream.sendBufferLimit().toBytes(), senders)));
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
