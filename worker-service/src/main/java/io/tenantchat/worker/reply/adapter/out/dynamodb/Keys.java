package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.MessagesTable;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys as the SDK takes them: the messages table's layout is shared-model's {@link MessagesTable} (api-service builds
 * from it too); the sessions table's key is {@code <tenant>#<user>#<session>}.
 */
final class Keys {

    static final String SESSION_KEY = "session_key";

    private Keys() {}

    static Map<String, AttributeValue> userMessage(MessageRef ref) {
        return Map.of(MessagesTable.PK, s(MessagesTable.conversation(ref.tenantId(), ref.sessionId())),
                MessagesTable.SK, s(MessagesTable.userMessage(ref.messageId())));
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
