package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A chat message: a lower-case, time-ordered UUID (version 7), so that message ids sort in the order they
 * were accepted and can serve directly as DynamoDB sort keys.
 */
public record MessageId(@JsonValue String value) {

    private static final Pattern VALID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Monotonic MONOTONIC = new Monotonic();

    public MessageId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid message id");
        }
    }

    @JsonCreator
    public static MessageId of(@Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("invalid message id");
        }
        return new MessageId(value);
    }

    /**
     * A new UUIDv7 (RFC 9562): 48-bit Unix milliseconds, a 12-bit counter that keeps ids from this process
     * strictly increasing within one millisecond (RFC 9562 method 1), then 62 random bits.
     */
    public static MessageId next(Clock clock) {
        long[] stamp = MONOTONIC.next(clock.millis());
        long msb = (stamp[0] << 16) | 0x7000L | stamp[1];
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new MessageId(new UUID(msb, lsb).toString());
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    /** Last (millis, counter) handed out; never goes backwards, even if the clock does. */
    private static final class Monotonic {

        private long millis = -1;
        private long counter;

        synchronized long[] next(long now) {
            if (now > millis) {
                millis = now;
                counter = RANDOM.nextInt(0x400);
            } else if (++counter > 0xFFF) {
                millis++;
                counter = 0;
            }
            return new long[] {millis, counter};
        }
    }
}
