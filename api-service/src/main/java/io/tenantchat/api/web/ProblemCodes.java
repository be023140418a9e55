package io.tenantchat.api.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The machine-readable {@code code} of a problem that has no more specific one: the status in snake case. */
final class ProblemCodes {

    private ProblemCodes() {
    }

    static String of(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT);
    }
}
