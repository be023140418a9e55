package io.tenantchat.usage.metering.domain;

import java.util.Objects;

/**
 * A usage event refused: never counted, kept in the dead-letter queue with its reason for an operator.
 *
 * @param reason what was wrong, from a closed set
 * @param detail which member and value, for the operator (at most 200 characters, no message text)
 */
public record UsageEventRejection(RejectionReason reason, String detail) {

    private static final int MAX_DETAIL = 200;

    public UsageEventRejection {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }
}
