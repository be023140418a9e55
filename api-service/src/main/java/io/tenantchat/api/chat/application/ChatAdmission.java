package io.tenantchat.api.chat.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import org.jspecify.annotations.Nullable;

/** Decides whether a tenant may send one more message now, and takes its share of the tenant's quotas. */
public interface ChatAdmission {

    /** Lets every message in; for contexts without quotas. */
    ChatAdmission UNLIMITED = new ChatAdmission() {
        @Override
        public Admitted admit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars) {
            return new Admitted(null);
        }

        @Override
        public Admitted readmit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars) {
            return new Admitted(null);
        }

        @Override
        public void withdraw(TenantId tenantId, SessionId sessionId, MessageId messageId) {
        }
    };

    /**
     * Takes the message's share of every quota, all or nothing.
     *
     * @throws io.tenantchat.api.error.RefusalException when a limit is reached (nothing was taken then)
     */
    Admitted admit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars);

    /**
     * Admits a retry of a failed message exactly like a new message (rate, day, month, tokens, in flight, sessions),
     * taking the message's hold again; {@link #withdraw} gives it back.
     *
     * @throws io.tenantchat.api.error.RefusalException when a limit is reached (nothing was taken then)
     * @throws io.tenantchat.api.error.ConflictException when the message still holds its quota (being answered)
     */
    Admitted readmit(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars);

    /**
     * Refuses at once, before the message costs any lookup, when this instance already knows the tenant is refused
     * (see {@code RefusalHints}); otherwise does nothing and {@link #admit} decides.
     *
     * @throws io.tenantchat.api.error.RefusalException when the tenant was refused a moment ago
     */
    default void refuseIfKnown(TenantId tenantId, int messageChars) {
    }

    /**
     * What the message would take from its tenant's quotas, decided without writing anything (and without reading
     * once the tenant's plan is known to this instance), for a {@link MessageIntake} to write with the message.
     * Null when no quota applies.
     *
     * @throws io.tenantchat.api.error.RefusalException when the message is refused before any write (a recent
     *     refusal this instance remembers, or a message larger than the whole budget)
     */
    default @Nullable QuotaClaim claim(TenantId tenantId, SessionId sessionId, MessageId messageId, int messageChars) {
        return null;
    }

    /** The caller's answer to a claim a limit refused when it was written; remembered as a hint where enabled. */
    default RuntimeException refused(@Nullable QuotaClaim claim, QuotaRefusal refusal) {
        return new IllegalStateException("refused by " + refusal + " without quotas");
    }

    /**
     * The warning for the caller once {@code claim} was written (a monthly limit is nearly reached), or null;
     * from what this instance knows, without a read.
     */
    default @Nullable String warning(@Nullable QuotaClaim claim) {
        return null;
    }

    /** Gives back what {@link #admit} took, for a message that was not stored after all. Idempotent. */
    void withdraw(TenantId tenantId, SessionId sessionId, MessageId messageId);

    /** @param warning a warning for the client (a monthly limit is nearly reached), or null */
    record Admitted(@Nullable String warning) {
    }
}
