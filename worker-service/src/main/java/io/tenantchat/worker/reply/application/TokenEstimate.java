package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;

/**
 * Token counts of a stopped model call: providers report usage only at the end of a stream, and a stream closed
 * by a stop has no end, so what was consumed is estimated at four characters per token (rounded up), the same rule
 * api-service uses for its input reservation.
 */
final class TokenEstimate {

    private static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {}

    static int of(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The prompt the model was sent: system prompt and every turn. */
    static int of(Conversation conversation) {
        long chars = conversation.systemPrompt().length();
        for (ChatTurn turn : conversation.turns()) {
            chars += turn.text().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }
}
