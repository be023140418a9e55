package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import io.tenantchat.worker.reply.domain.ConversationScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The agent's {@code sessionId} for a conversation: 2 to 100 characters of {@code [0-9a-zA-Z._:-]}, the same for
 * every message of a chat session (so the agent keeps its memory) and never shared between tenants. Readable
 * {@code tenant:session} where that fits the rule, else {@code tc:} and a SHA-256 of both.
 */
final class AgentSessionIds {

    private static final Pattern ALLOWED = Pattern.compile("[0-9a-zA-Z._:-]{2,100}");

    private AgentSessionIds() {}

    static String of(ConversationScope scope) {
        String tenant = scope.tenantId().value();
        String session = scope.sessionId().value();
        String readable = tenant + ":" + session;
        return ALLOWED.matcher(readable).matches() ? readable : "tc:" + sha256(tenant + "#" + session);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
