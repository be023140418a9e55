package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageRef;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Takes a message in with one atomic write: the session's ownership, the message's share of every quota
 * ({@link QuotaClaim}, with its hold), the message itself and its idempotency key, all or nothing. Nothing is
 * read on the way in; a refused write is explained afterwards (a rare path may read).
 */
public interface MessageIntake {

    /**
     * Stores a new queued message.
     *
     * @param key the request's idempotency key, or null
     * @param claim what the message takes from its tenant's quotas, or null when quotas do not apply
     * @return the message {@code key} already stands for (nothing was written then); empty when stored
     * @throws io.tenantchat.api.error.NotFoundException {@code session_not_found} when the session is not the
     *     caller's
     * @throws QuotaRefusedException when a limit refused the claim (nothing was written)
     * @throws io.tenantchat.api.error.UnavailableException when the tenant's counters stayed busy
     */
    default Optional<MessageRef> accept(ChatMessage message, @Nullable IdempotencyKey key,
            @Nullable Instant keyExpiresAt, @Nullable QuotaClaim claim) {
        return accept(message, key, keyExpiresAt, claim, TurnPlacement.LINEAR);
    }

    /**
     * As {@link #accept(ChatMessage, IdempotencyKey, Instant, QuotaClaim)}, placing the turn in its session's
     * branches ({@code placement}) in the same write.
     *
     * @throws BranchesMovedException when the session's branches are no longer as {@code placement} read them
     *     (nothing was written then)
     */
    Optional<MessageRef> accept(ChatMessage message, @Nullable IdempotencyKey key, @Nullable Instant keyExpiresAt,
            @Nullable QuotaClaim claim, TurnPlacement placement);

    /**
     * Puts a failed message back to queued and takes its hold again with {@code claim}, in one write.
     *
     * @return false when the message is not failed (nothing was written then)
     * @throws QuotaRefusedException when a limit refused the claim (nothing was written)
     * @throws io.tenantchat.api.error.ConflictException {@code message_not_failed} when the message still holds its
     *     quota (being answered)
     */
    boolean requeue(MessageRef ref, @Nullable QuotaClaim claim, Instant at);
}
