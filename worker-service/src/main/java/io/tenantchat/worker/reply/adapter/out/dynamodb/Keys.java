package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.UserId;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key layouts of docs/architecture.md: every partition key begins with the tenant id. */
final class Keys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String SESSION_KEY = "session_key";

    private Keys() {}

    static String partition(MessageRef ref) {
        return ref.tenantId().value() + "#" + ref.sessionId().value();
    }

    static String userMessageSort(MessageRef ref) {
        return ref.messageId().value() + "#1";
    }

    static String replySort(MessageRef ref) {
        return ref.messageId().value() + "#2";
    }

    static Map<String, AttributeValue> userMessage(MessageRef ref) {
        return Map.of(PK, s(partition(ref)), SK, s(userMessageSort(ref)));
    }

    static Map<String, AttributeValue> session(MessageRef ref, UserId userId) {
        String key = ref.tenantId().value() + "#" + userId.value() + "#" + ref.sessionId().value();
        return Map.of(SESSION_KEY, s(key));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
