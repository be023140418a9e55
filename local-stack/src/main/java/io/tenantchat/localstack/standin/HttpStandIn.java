package io.tenantchat.localstack.standin;

import java.net.URI;
import java.util.Optional;

/**
 * A stand-in served by a {@link StandInServer}: its endpoint, settings that can be replaced while it runs, and what
 * it received.
 *
 * @param <S> the stand-in's settings
 */
public abstract class HttpStandIn<S> implements AutoCloseable {

    private final StandInServer server;
    private final StandInHandler<S, ?> handler;

    /** Binds 127.0.0.1 on {@code port} (a free one when 0) and answers with {@code handler}. */
    protected HttpStandIn(String name, int port, StandInHandler<S, ?> handler) {
        this.server = StandInServer.start(name, port, handler);
        this.handler = handler;
    }

    /** The base URI to configure (as the SDK's endpoint override), e.g. {@code http://127.0.0.1:54321}. */
    public final URI endpoint() {
        return server.endpoint();
    }

    /** Replaces the settings for the requests that follow; the fault's budget starts afresh. */
    public final void settings(S settings) {
        handler.replace(settings);
    }

    /** Requests received, faulted ones included. */
    public final int invocations() {
        return handler.invocations();
    }

    /** The last request, as it arrived. */
    public final Optional<RecordedRequest> lastRequest() {
        return handler.lastRequest();
    }

    @Override
    public final void close() {
        server.close();
    }
}
