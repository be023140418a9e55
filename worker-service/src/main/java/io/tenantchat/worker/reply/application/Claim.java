package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.UserMessage;
import org.jspecify.annotations.Nullable;

/**
 * What claiming a message for a model call found, in one conditional write: the message now processing with the
 * attempt counted ({@code started}), or why it could not be claimed, its status ({@code found}: completed, failed or
 * cancelled already; or {@code cancelRequested}: its author asked to stop it while it was processing, and nobody has
 * ended it yet) or nothing at all (both null: erased with its session, or never stored).
 */
public record Claim(@Nullable UserMessage started, @Nullable MessageStatus found, boolean cancelRequested) {

    public static Claim started(UserMessage message) {
        return new Claim(message, null, false);
    }

    public static Claim refused(MessageStatus status) {
        return new Claim(null, status, false);
    }

    /** The message is not finished but its author asked to stop it: it must end cancelled without a model call. */
    public static Claim cancelRequested(MessageStatus status) {
        return new Claim(null, status, true);
    }

    public static Claim missing() {
        return new Claim(null, null, false);
    }
}
