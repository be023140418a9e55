package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A chat message: a lower-case, time-ordered UUID (version 7), so that message ids sort in the order they
 * were accepted and can serve directly as DynamoDB sort keys.
 */
public record MessageId(@JsonValue String value) {

    private static final Pattern VALID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public MessageId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid message id");
        }
    }

    @JsonCreator
    public static MessageId of(String value) {
        return new MessageId(value);
    }

    /** A new UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version, 74 random bits. */
    public static MessageId next(Clock clock) {
        long millis = clock.millis();
        long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new MessageId(new UUID(msb, lsb).toString());
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
