package io.tenantchat.api.chat.config;

import io.tenantchat.shared.table.Retention;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention of conversations ({@code tenantchat.retention.*}).
 *
 * @param defaultDays how many days a message is kept after it was sent, and a session after its last message
 *     (every message moves it on); 0 keeps them forever (no {@code expires_at} is written)
 */
@ConfigurationProperties("tenantchat.retention")
@Validated
public record RetentionProperties(@DefaultValue("0") @PositiveOrZero int defaultDays) {

    /** Kept forever: no {@code expires_at}. */
    public static final RetentionProperties FOREVER = new RetentionProperties(0);

    /** When what is written at {@code at} expires (epoch seconds), or null to keep it forever. */
    public @Nullable Long expiresAt(Instant at) {
        return Retention.expiresAt(at, defaultDays);
    }
}
