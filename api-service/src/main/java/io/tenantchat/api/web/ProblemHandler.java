package io.tenantchat.api.web;

import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.error.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as {@code application/problem+json}; nothing leaks a stack trace. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String GENERIC_INVALID = "the request is not valid";

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.code(), e.getMessage());
    }

    /**
     * A per-caller bound ({@code too_many_long_polls}, {@code too_many_sessions_per_user}): 429 with its limit;
     * {@code Retry-After} only where waiting frees a place (a session is freed by deleting one, not by time).
     */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage());
        problem.setProperty("limit", e.limit());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("RateLimit-Limit", Integer.toString(e.limit())).header("RateLimit-Remaining", "0");
        Integer retryAfter = e.retryAfterSeconds();
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter));
        }
        return response.body(problem);
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, e.code(), e.getMessage()));
    }

    /**
     * An {@link IllegalArgumentException} that no controller turned into an {@link InvalidRequestException}: its
     * message was written for developers (it may name tables, keys or internal values), so the caller gets a generic
     * detail and the message goes to the log. Messages for callers travel as {@link InvalidRequestException}.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        log.warn("request refused by an unchecked argument: {}", e.toString());
        return problem(HttpStatus.BAD_REQUEST, "invalid_request", GENERIC_INVALID);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "unexpected error; it has been logged");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestBodyLimitFilter.BodyTooLargeException.class)) {
            ProblemDetail body = problem(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "the request body is too large");
            return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed_body", "the request body is not valid JSON of the expected shape");
        return handleExceptionInternal(e, body, headers, status, request);
    }

    /** Spring's own refusals (404, 405, 406, 415, missing parameters...) get a {@code code} like ours. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        @Nullable Object problemBody = body == null && e instanceof ErrorResponse error ? error.getBody() : body;
        if (problemBody instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", ProblemCodes.of(status));
        }
        return super.handleExceptionInternal(e, problemBody, headers, status, request);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem(HttpStatus status, String code, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
