package io.tenantchat.shared.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a model call ended. Discarded attempts consumed tokens the provider bills, so they are metered too; a
 * cancelled call (its author stopped it) is metered with the tokens consumed until its stream was closed.
 */
public enum InvocationStatus {
    COMPLETED, FAILED, DISCARDED, CANCELLED;

    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InvocationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
