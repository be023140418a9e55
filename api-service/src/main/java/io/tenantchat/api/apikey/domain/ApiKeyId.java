package io.tenantchat.api.apikey.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The public part of a key: 20 lowercase hex characters, shown in lists and in the key itself. */
public record ApiKeyId(String value) {

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{20}");

    public ApiKeyId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid api key id");
        }
    }

    public static ApiKeyId of(String value) {
        return new ApiKeyId(value);
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && VALID.matcher(value).matches();
    }

    static ApiKeyId random(SecureRandom random) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return new ApiKeyId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
