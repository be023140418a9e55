package io.tenantchat.shared.table;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/**
 * Key layout of the messages table ({@value #PK}, {@value #SK}); every partition key begins with the tenant id. A
 * conversation is the partition {@code <tenant>#<session>}; in it a user message is {@code <message>#1} and its
 * reply {@code <message>#2}, so message ids (UUIDv7) order the conversation. The lookup of a message is
 * {@code <tenant>#message#<message>} / {@value #REF_SORT_KEY}. api-service writes user messages and lookups,
 * worker-service replies: both build keys from here.
 */
public final class MessagesTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String USER_SUFFIX = "#1";
    public static final String REPLY_SUFFIX = "#2";
    public static final String REF_SORT_KEY = "ref";

    private MessagesTable() {
    }

    /** The partition of a conversation. */
    public static String conversation(TenantId tenantId, SessionId sessionId) {
        return tenantId.value() + "#" + sessionId.value();
    }

    public static String userMessage(MessageId messageId) {
        return messageId.value() + USER_SUFFIX;
    }

    public static String reply(MessageId messageId) {
        return messageId.value() + REPLY_SUFFIX;
    }

    /** The prefix every item of one message (its user message and its reply) begins with. */
    public static String messagePrefix(MessageId messageId) {
        return messageId.value() + "#";
    }

    /** The partition of a message's lookup item (sort key {@value #REF_SORT_KEY}). */
    public static String ref(TenantId tenantId, MessageId messageId) {
        return tenantId.value() + "#message#" + messageId.value();
    }
}
