package io.tenantchat.api.session.config;

import io.tenantchat.api.session.application.SessionService;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-user bounds that hold whatever the tenant's tier ({@code tenantchat.limits.*}).
 *
 * @param maxSessionsPerUser how many sessions one user may keep in a tenant; one more {@code POST /api/sessions}
 *     is refused with 429 {@code too_many_sessions_per_user} until the user deletes one (default
 *     {@value SessionService#DEFAULT_MAX_SESSIONS_PER_USER})
 */
@ConfigurationProperties("tenantchat.limits")
@Validated
public record LimitsProperties(@DefaultValue("1000") @Positive int maxSessionsPerUser) {}
