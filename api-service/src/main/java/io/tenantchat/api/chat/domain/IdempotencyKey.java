package io.tenantchat.api.chat.domain;

/**
 * The client's {@code Idempotency-Key} header: 1 to 255 printable ASCII characters. Stored only as a hash.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters");
        }
    }

    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
