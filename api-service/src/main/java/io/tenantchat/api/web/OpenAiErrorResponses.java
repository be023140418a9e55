package io.tenantchat.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's error shape, {@code {"error": {"message", "type", "param", "code"}}}, which {@code /v1/**} answers with
 * instead of problem JSON (so OpenAI clients read it); also written where no message converter is available
 * (security filters).
 */
public final class OpenAiErrorResponses {

    /** The path prefix of the OpenAI-compatible API. */
    public static final String PREFIX = "/v1/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiErrorResponses() {
    }

    /** Whether the request is one of the OpenAI-compatible API's. */
    public static boolean applies(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX) || path.equals("/v1");
    }

    /** The error object for {@code status}: its OpenAI {@code type} follows from the status. */
    public static Map<String, Object> body(HttpStatus status, String code, String message, @Nullable String param) {
        Map<String, @Nullable Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type(status));
        error.put("param", param);
        error.put("code", code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        return body;
    }

    /** The error as one JSON text (an SSE data line of a stream that fails after it began). */
    public static String json(HttpStatus status, String code, String message) {
        return JSON.writeValueAsString(body(status, code, message, null));
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, code, message));
    }

    /** OpenAI's error types by status, which OpenAI clients map to their error classes. */
    static String type(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "authentication_error";
            case FORBIDDEN -> "permission_error";
            case TOO_MANY_REQUESTS -> "rate_limit_error";
            case GATEWAY_TIMEOUT -> "timeout";
            default -> status.is5xxServerError() ? "server_error" : "invalid_request_error";
        };
    }
}
