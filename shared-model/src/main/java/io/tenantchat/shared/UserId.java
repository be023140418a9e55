package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A user within a tenant: the token's {@code sub}. Never contains the key separator {@code #}. */
public record UserId(@JsonValue String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");

    public UserId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid user id");
        }
    }

    @JsonCreator
    public static UserId of(@Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("invalid user id");
        }
        return new UserId(value);
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
