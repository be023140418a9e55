package io.tenantchat.api.webclient;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The policy for the client's pages: scripts and styles only from this origin (no inline script, no eval),
 * images from here or data URLs, and network calls only to this origin (HTTP and WebSocket) and Cognito.
 */
public final class ClientContentSecurityPolicy {

    private ClientContentSecurityPolicy() {
    }

    public static String of(WebClientProperties client) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(client.cognitoEndpoint()));
        if (!client.hostedUiDomain().isBlank()) {
            connect.add(origin(URI.create(client.hostedUiDomain())));
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + String.join(" ", connect) + "; manifest-src 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'none'; object-src 'none'";
    }

    private static String origin(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }
}
