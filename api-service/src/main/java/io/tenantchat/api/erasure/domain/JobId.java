package io.tenantchat.api.erasure.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** An erasure job's id: a random UUID, lower case. */
public record JobId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public JobId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid job id");
        }
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID().toString());
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
