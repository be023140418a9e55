package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.api.error.ForbiddenException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Authenticates the handshake when the client offers {@code Sec-WebSocket-Protocol: bearer, <ID token>} (browsers
 * cannot set an Authorization header on a WebSocket); a bad token is refused with 401, a tenant refused as unknown
 * with 403. Without that header the
 * socket must authenticate with its first frame.
 */
final class BearerProtocolHandshake implements HandshakeInterceptor {

    static final String PROTOCOL = "bearer";
    static final String AUTHENTICATED = "tenantchat.authenticated";
    private static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private final SocketAuthenticator authenticator;

    BearerProtocolHandshake(SocketAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        Optional<String> token = bearerToken(request.getHeaders().getOrEmpty(PROTOCOL_HEADER));
        if (token.isEmpty()) {
            return true;
        }
        Optional<SocketAuthenticator.Authenticated> authenticated;
        try {
            authenticated = authenticator.authenticate(token.get());
        } catch (ForbiddenException e) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        if (authenticated.isEmpty()) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(AUTHENTICATED, authenticated.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            @Nullable Exception exception) {
    }

    /** The token after {@code bearer} in the offered protocols. */
    static Optional<String> bearerToken(List<String> headerValues) {
        List<String> offered = headerValues.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
        int bearer = offered.indexOf(PROTOCOL);
        return bearer >= 0 && bearer + 1 < offered.size() ? Optional.of(offered.get(bearer + 1)) : Optional.empty();
    }
}
