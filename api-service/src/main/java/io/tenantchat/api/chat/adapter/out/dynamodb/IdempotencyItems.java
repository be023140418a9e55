package io.tenantchat.api.chat.adapter.out.dynamodb;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.MessagesTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The idempotency item {@code {tenant_id}#idem#{user_id}#{sha256(key)}}/{@code ref}: which message a user's key
 * stands for until {@code expires_at} (epoch seconds, the table's TTL attribute). Keys are scoped per user (the
 * tenant first, so every key of a tenant still shares its prefix): a colleague's use of the same key is none of
 * the caller's business. Expired items may linger (TTL deletes late, and
 * dynoxide never): they are ignored on read and may be overwritten.
 */
final class IdempotencyItems {

    private final String table;

    IdempotencyItems(String table) {
        this.table = table;
    }

    static Map<String, AttributeValue> key(TenantId tenantId, UserId userId, IdempotencyKey key) {
        return Map.of(MessagesTable.PK, s(tenantId.value() + "#idem#" + userId.value() + "#" + sha256(key.value())),
                MessagesTable.SK, s(MessagesTable.REF_SORT_KEY));
    }

    /** Puts the item unless a live one exists for the key. */
    TransactWriteItem put(ChatMessage m, IdempotencyKey key, Instant expiresAt, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(m.tenantId(), m.userId(), key));
        item.putAll(Map.of("tenant_id", s(m.tenantId().value()), "session_id", s(m.sessionId().value()),
                "user_id", s(m.userId().value()), "message_id", s(m.messageId().value()),
                "created_at", s(m.createdAt().toString()), "expires_at", n(expiresAt.getEpochSecond())));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR expires_at <= :now")
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                .build()).build();
    }

    /** The message a live item names; empty for none, an expired one or another tenant's or user's. */
    static Optional<MessageRef> toRef(@Nullable Map<String, AttributeValue> item, TenantId tenantId, UserId userId,
            Instant now) {
        AttributeValue expiresAt = item == null ? null : item.get("expires_at");
        if (item == null || item.isEmpty() || !tenantId.value().equals(text(item, "tenant_id"))
                || !userId.value().equals(text(item, "user_id"))
                || expiresAt == null || Long.parseLong(expiresAt.n()) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new MessageRef(tenantId, SessionId.of(text(item, "session_id")),
                UserId.of(text(item, "user_id")), MessageId.of(text(item, "message_id"))));
    }

    static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static @Nullable String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
