package io.tenantchat.worker.reply.domain;

import org.jspecify.annotations.Nullable;

/**
 * Lifecycle of a user message: queued by the API, processing and then completed or failed by the worker; cancelled
 * by its author (api-service while it is queued, the worker once it stopped generating it).
 */
public enum MessageStatus {
    QUEUED("queued"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wireValue;

    MessageStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    /** A completed, failed or cancelled message never goes back to the model. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static MessageStatus fromWireValue(@Nullable String value) {
        for (MessageStatus status : values()) {
            if (status.wireValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown message status: " + value);
    }
}
