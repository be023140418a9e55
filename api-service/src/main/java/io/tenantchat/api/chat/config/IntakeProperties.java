package io.tenantchat.api.chat.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The accept transaction ({@code tenantchat.chat.intake.*}).
 *
 * @param maxBatch how many messages of one tenant this instance may write in one transaction while another of
 *     the tenant's writes is in flight (group commit, ADR 004 addendum); 1 writes every message on its own
 */
@Validated
@ConfigurationProperties("tenantchat.chat.intake")
public record IntakeProperties(@DefaultValue("16") @Min(1) int maxBatch) {
}
