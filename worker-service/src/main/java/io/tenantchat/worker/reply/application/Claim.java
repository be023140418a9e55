package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.UserMessage;
import org.jspecify.annotations.Nullable;

/**
 * What claiming a message for a model call found, in one conditional write: the message now processing with the
 * attempt counted ({@code started}), or why it could not be claimed, its status ({@code found}: completed or failed
 * already) or nothing at all (both null: erased with its session, or never stored).
 */
public record Claim(@Nullable UserMessage started, @Nullable MessageStatus found) {

    public static Claim started(UserMessage message) {
        return new Claim(message, null);
    }

    public static Claim refused(MessageStatus status) {
        return new Claim(null, status);
    }

    public static Claim missing() {
        return new Claim(null, null);
    }
}
