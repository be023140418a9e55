package io.tenantchat.api.openai.adapter.in.web;

import io.tenantchat.api.chat.application.MessageTooLargeException;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.RefusalException;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.tenant.application.QuotaExceededException;
import io.tenantchat.api.web.OpenAiErrorResponses;
import io.tenantchat.api.web.RequestBodyLimitFilter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of a {@code /v1} endpoint in OpenAI's error shape (problem JSON stays on {@code /api/**}): 400
 * {@code invalid_request_error} naming the parameter, 403, 404 ({@code model_not_found}), 429 with
 * {@code Retry-After}, 503; nothing leaks a stack trace. Refusals before a controller (bad key or token) are written
 * by the security configuration in the same shape.
 */
@RestControllerAdvice(assignableTypes = {ChatCompletionsController.class, ModelsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrorHandler.class);

    @ExceptionHandler(RefusalException.class)
    ResponseEntity<Map<String, Object>> refused(RefusalException e) {
        String param = e instanceof InvalidParameterException invalid ? invalid.param()
                : "model_not_found".equals(e.code()) ? "model" : null;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status(e));
        retryAfter(e).ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(OpenAiErrorResponses.body(status(e), e.code(),
                String.valueOf(e.getMessage()), param));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                return error(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "the request body is too large");
            }
        }
        return error(HttpStatus.BAD_REQUEST, "invalid_json", "the request body is not valid JSON");
    }

    /** Spring's own refusals (415, 405, 406...) keep their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e) {
        if (e instanceof ErrorResponse spring) {
            HttpStatus status = HttpStatus.valueOf(spring.getStatusCode().value());
            return error(status, status.name().toLowerCase(Locale.ROOT), status.getReasonPhrase());
        }
        if (e instanceof IllegalArgumentException) {
            log.warn("request refused by an unchecked argument: {}", e.toString());
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "the request is not valid");
        }
        log.error("unexpected error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "unexpected error; it has been logged");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(OpenAiErrorResponses.body(status, code, message, null));
    }

    private static HttpStatus status(RefusalException e) {
        return switch (e) {
            case NotFoundException ignored -> HttpStatus.NOT_FOUND;
            case ForbiddenException ignored -> HttpStatus.FORBIDDEN;
            case ConflictException ignored -> HttpStatus.CONFLICT;
            case TooManyRequestsException ignored -> HttpStatus.TOO_MANY_REQUESTS;
            case QuotaExceededException ignored -> HttpStatus.TOO_MANY_REQUESTS;
            case UnavailableException ignored -> HttpStatus.SERVICE_UNAVAILABLE;
            case MessageTooLargeException ignored -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private static Optional<String> retryAfter(RefusalException e) {
        return switch (e) {
            case QuotaExceededException quota -> Optional.of(Long.toString(Math.max(1, quota.resetSeconds())));
            case TooManyRequestsException many -> Optional.ofNullable(many.retryAfterSeconds())
                    .map(String::valueOf);
            case UnavailableException ignored -> Optional.of("5");
            default -> Optional.empty();
        };
    }
}
