package io.tenantchat.worker.reply.domain;

import org.jspecify.annotations.Nullable;

/** Lifecycle of a user message: queued by the API, processing and then completed or failed by the worker. */
public enum MessageStatus {
    QUEUED("queued"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String wireValue;

    MessageStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    /** A completed or failed message never goes back to the model. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
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
