package io.tenantchat.worker.reply.domain;

import java.util.List;

/** Conversations whose system prompt names a tenant, user and session as the reply use case writes it. */
public final class ConversationTestData {

    public static final String SESSION = "0190f5c2-7d1e-7c3a-9b4e-2f6a8d0c1e3f";
    public static final String USER = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

    private ConversationTestData() {}

    public static String systemPrompt(String tenant, String session) {
        return String.join("\n", "You are TenantChat, a helpful assistant.", "tenant: " + tenant, "user: " + USER,
                "session: " + session);
    }

    /** A question after one earlier exchange, for {@code tenant} in {@link #SESSION}. */
    public static Conversation forTenant(String tenant, String question) {
        return new Conversation(systemPrompt(tenant, SESSION),
                List.of(ChatTurn.user("Hi"), ChatTurn.assistant("Hello!"), ChatTurn.user(question)));
    }
}
