package io.tenantchat.api.session.adapter.out.dynamodb;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque cursor of the tenant listing: the last key DynamoDB evaluated, as {@code created_at|session_key} in
 * base64url. A cursor is accepted only for the tenant whose sessions it points into; the tenant part of the
 * start key always comes from the caller, never from the cursor.
 */
final class SessionCursor {

    private static final String SEPARATOR = "|";

    private SessionCursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        String raw = keyPart(lastEvaluatedKey, "created_at") + SEPARATOR + keyPart(lastEvaluatedKey, "session_key");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(TenantId tenantId, String cursor) {
        String[] parts = raw(cursor).split("\\" + SEPARATOR, -1);
        if (parts.length != 2 || !parts[1].startsWith(tenantId.value() + "#") || !isInstant(parts[0])) {
            throw invalid();
        }
        return Map.of("tenant_id", AttributeValue.fromS(tenantId.value()), "created_at", AttributeValue.fromS(parts[0]),
                "session_key", AttributeValue.fromS(parts[1]));
    }

    /** The tenant index's last evaluated key holds the index key and the table key. */
    private static String keyPart(Map<String, AttributeValue> lastEvaluatedKey, String name) {
        AttributeValue value = lastEvaluatedKey.get(name);
        if (value == null) {
            throw new IllegalStateException("last evaluated key without " + name);
        }
        return value.s();
    }

    private static String raw(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_cursor", "the cursor is not valid for this listing");
    }
}
