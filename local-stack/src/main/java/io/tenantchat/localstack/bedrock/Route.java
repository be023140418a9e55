package io.tenantchat.localstack.bedrock;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Converse or ConverseStream call, read from the request line; the model id arrives percent-encoded. */
record Route(String modelId, boolean streaming) {

    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream)");

    static Optional<Route> match(HttpMethod method, String uri) {
        Matcher path = PATH.matcher(new QueryStringDecoder(uri).rawPath());
        if (!HttpMethod.POST.equals(method) || !path.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Route(decode(path.group(1)), path.group(2).equals("converse-stream")));
    }

    /** Percent-decodes a path segment; a broken escape is kept as is, and model id validation rejects it. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return segment;
        }
    }
}
