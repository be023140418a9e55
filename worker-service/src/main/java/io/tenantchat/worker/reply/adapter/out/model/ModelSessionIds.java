package io.tenantchat.worker.reply.adapter.out.model;

import io.tenantchat.worker.reply.domain.ConversationScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A provider's session id for a conversation: the same for every message of a chat session (so the provider keeps
 * its memory or routes to the same runtime) and never shared between tenants. Readable {@code tenant:session}
 * where that fits the provider's rule ({@code [0-9a-zA-Z._:-]} of a given length), else {@code tc:} and a SHA-256
 * of both.
 */
public final class ModelSessionIds {

    private final Pattern allowed;

    private ModelSessionIds(int minLength, int maxLength) {
        this.allowed = Pattern.compile("[0-9a-zA-Z._:-]{" + minLength + "," + maxLength + "}");
    }

    /** Ids of {@code minLength} to {@code maxLength} characters (the hashed form has 67). */
    public static ModelSessionIds ofLength(int minLength, int maxLength) {
        return new ModelSessionIds(minLength, maxLength);
    }

    public String of(ConversationScope scope) {
        String tenant = scope.tenantId().value();
        String session = scope.sessionId().value();
        String readable = tenant + ":" + session;
        return allowed.matcher(readable).matches() ? readable : "tc:" + sha256(tenant + "#" + session);
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
