package io.tenantchat.api.chat.config;

import io.tenantchat.api.chat.domain.RetentionPolicy;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention of conversations ({@code tenantchat.retention.*}): how many days a message is kept after it was sent,
 * and a session after its last message (every message moves it on); 0 keeps them forever (no {@code expires_at}
 * is written). A tenant's profile may choose its own ({@code retention_days}), which wins ({@link RetentionPolicy}).
 *
 * @param defaultDays the deployment's default, for tiers without their own ({@code RETENTION_DAYS})
 * @param tiers the default of a tier by its name ({@code tenantchat.retention.tiers.<tier>: days})
 */
@ConfigurationProperties("tenantchat.retention")
@Validated
public record RetentionProperties(@DefaultValue("0") @PositiveOrZero int defaultDays,
        Map<String, @PositiveOrZero Integer> tiers) {

    /** Kept forever. */
    public static final RetentionProperties FOREVER = new RetentionProperties(0, Map.of());

    public RetentionProperties {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
    }

    public RetentionPolicy policy() {
        return new RetentionPolicy(defaultDays, tiers);
    }
}
