package io.tenantchat.api.erasure.domain;

import java.util.Locale;

/** Where a job stands: {@code running} until its last step, then {@code completed}; {@code failed} after too many takeovers. */
public enum JobStatus {
    RUNNING, COMPLETED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
