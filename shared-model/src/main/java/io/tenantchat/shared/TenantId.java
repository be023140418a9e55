package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A tenant (company). Always taken from a verified token, never from request input. */
public record TenantId(@JsonValue String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public TenantId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid tenant id");
        }
    }

    @JsonCreator
    public static TenantId of(@Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("invalid tenant id");
        }
        return new TenantId(value);
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
