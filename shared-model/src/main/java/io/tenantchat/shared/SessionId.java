package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A chat session (conversation): a lower-case UUID. */
public record SessionId(@JsonValue String value) {

    private static final Pattern VALID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public SessionId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid session id");
        }
    }

    @JsonCreator
    public static SessionId of(@Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("invalid session id");
        }
        return new SessionId(value);
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID().toString());
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
