package io.tenantchat.api.chat.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.Retention;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Out-port: when what a tenant writes at a given time expires ({@code expires_at}, epoch seconds), or null to keep
 * it forever. Asked for every new user message while its accept transaction is built, so an implementation answers
 * from what this instance already holds (the tenant feature's cached plan and profile), without a read.
 */
@FunctionalInterface
public interface ConversationRetention {

    /** Kept forever. */
    ConversationRetention FOREVER = (tenantId, at) -> null;

    @Nullable Long expiresAt(TenantId tenantId, Instant at);

    /** The same {@code days} for every tenant (0: forever). */
    static ConversationRetention days(int days) {
        return (tenantId, at) -> Retention.expiresAt(at, days);
    }
}
