package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;

/** Key layout of the messages table; every partition key begins with the tenant id. */
final class MessageKeys {

    static final String USER_SUFFIX = "#1";
    static final String REPLY_SUFFIX = "#2";
    static final String REF_SORT_KEY = "ref";

    private MessageKeys() {
    }

    static String conversation(TenantId tenantId, SessionId sessionId) {
        return tenantId.value() + "#" + sessionId.value();
    }

    static String userMessage(MessageId messageId) {
        return messageId.value() + USER_SUFFIX;
    }

    static String ref(TenantId tenantId, MessageId messageId) {
        return tenantId.value() + "#message#" + messageId.value();
    }
}
