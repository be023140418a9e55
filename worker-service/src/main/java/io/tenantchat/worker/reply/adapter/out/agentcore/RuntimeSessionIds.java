package io.tenantchat.worker.reply.adapter.out.agentcore;

import io.tenantchat.worker.reply.domain.ConversationScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code runtimeSessionId} for a conversation: 33 to 256 characters, the same for every message of a chat
 * session (AgentCore routes it to the same microVM, which keeps the agent's state) and never shared between
 * tenants. Readable {@code tenant:session} where that fits, else {@code tc:} and a SHA-256 of both.
 */
final class RuntimeSessionIds {

    private static final Pattern ALLOWED = Pattern.compile("[0-9a-zA-Z._:-]{33,256}");

    private RuntimeSessionIds() {}

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
