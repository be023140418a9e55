package io.tenantchat.worker.reply.domain;

import org.jspecify.annotations.Nullable;

/** Who wrote a chat turn; {@link #wireValue()} is the {@code role} attribute stored with each message. */
public enum Role {
    USER("user"),
    ASSISTANT("assistant");

    private final String wireValue;

    Role(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    public static Role fromWireValue(@Nullable String value) {
        for (Role role : values()) {
            if (role.wireValue.equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + value);
    }
}
