package io.tenantchat.api.tenant.adapter.in.web;

import io.tenantchat.api.tenant.application.QuotaExceededException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused message: 429 problem JSON with the limit's {@code code}, {@code Retry-After} and the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds) headers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QuotaProblems {

    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(QuotaExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setProperty("code", e.code());
        problem.setProperty("limit", e.limit());
        problem.setProperty("retry_after_seconds", e.resetSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.resetSeconds()))
                .header("RateLimit-Limit", Long.toString(e.limit()))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", Long.toString(e.resetSeconds()))
                .body(problem);
    }
}
