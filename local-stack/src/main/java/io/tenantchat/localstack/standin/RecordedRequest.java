package io.tenantchat.localstack.standin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a stand-in received it, for handlers and for tests that check what went over the wire.
 *
 * @param path the raw (still percent-encoded) path
 * @param query the raw query string, empty when there is none
 * @param headers header names in lower case; the last value wins
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
