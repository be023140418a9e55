package io.tenantchat.api.chat.domain;

import java.util.Locale;

/**
 * Where a user message is in the pipeline. {@code COMPLETED}, {@code FAILED} and {@code CANCELLED} (its author
 * stopped it) are terminal.
 */
public enum MessageStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, CANCELLED;

    /** Completed, failed or cancelled: the message will not change any more. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
