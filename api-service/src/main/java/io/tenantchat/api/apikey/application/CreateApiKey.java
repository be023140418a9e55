package io.tenantchat.api.apikey.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a tenant-admin asks for.
 *
 * @param label what the key is for (1 to 100 characters)
 * @param principal the user or service principal of the tenant the key acts as; null: a service principal of
 *     its own ({@code apikey-<key_id>})
 * @param expiresAt null: the key does not expire
 */
public record CreateApiKey(@Nullable String label, @Nullable String principal, @Nullable Instant expiresAt) {
}
