package io.tenantchat.api.isolation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to call one operation of the OpenAPI document with given ids.
 *
 * @param key {@code METHOD /path/{template}} exactly as in the document
 * @param scope how attacks on it must be refused
 * @param query appended to the path (may use ids), or null
 * @param body the JSON body for the ids, or null for none
 * @param ownerLast whether the owner's call runs after the attacks
 */
record OperationCase(String key, Scope scope, Function<Ids, String> query, Function<Ids, String> body,
        boolean ownerLast) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    static OperationCase of(String key, Scope scope) {
        return new OperationCase(key, scope, null, null, false);
    }

    OperationCase withBody(Function<Ids, String> json) {
        return new OperationCase(key, scope, query, json, ownerLast);
    }

    OperationCase withQuery(Function<Ids, String> queryString) {
        return new OperationCase(key, scope, queryString, body, ownerLast);
    }

    /** The owner's call runs after the attacks (it removes what they aim at), as for every DELETE. */
    OperationCase ownerCallLast() {
        return new OperationCase(key, scope, query, body, true);
    }

    String method() {
        return key.substring(0, key.indexOf(' '));
    }

    String pathTemplate() {
        return key.substring(key.indexOf(' ') + 1);
    }

    /** The path and query with the ids put in as they are (malformed ids stay malformed). */
    String target(Ids ids) {
        Matcher m = PARAMETER.matcher(pathTemplate());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(ids.get(m.group(1))));
        }
        m.appendTail(path);
        return query == null ? path.toString() : path + "?" + query.apply(ids);
    }

    String bodyFor(Ids ids) {
        return body == null ? null : body.apply(ids);
    }

    HttpRequest request(Function<String, URI> base, Ids ids, String bearerOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.apply(target(ids))).timeout(Duration.ofSeconds(20));
        String json = bodyFor(ids);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearerOrNull != null) {
            request.header("Authorization", "Bearer " + bearerOrNull);
        }
        return request.method(method(), json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
