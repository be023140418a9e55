package io.tenantchat.api.operations.adapter.out.sqs;

import io.tenantchat.api.operations.domain.DeadLetterKey;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads whose a dead letter is from its body: a chat job, or a usage event in its EventBridge envelope. */
final class DeadLetterBodies {

    private final JsonMapper json;

    DeadLetterBodies(JsonMapper json) {
        this.json = json;
    }

    @Nullable ChatRequested job(OperatedQueue queue, String body) {
        if (queue != OperatedQueue.CHAT_REQUESTS) {
            return null;
        }
        try {
            return json.readValue(body, ChatRequested.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    @Nullable DeadLetterKey key(OperatedQueue queue, String body, @Nullable ChatRequested job) {
        if (job != null) {
            return new DeadLetterKey(job.tenantId(), job.sessionId(), job.messageId(), null);
        }
        if (queue != OperatedQueue.USAGE_EVENTS) {
            return null;
        }
        try {
            JsonNode detail = json.readTree(body).path("detail");
            return new DeadLetterKey(TenantId.of(detail.path("tenant_id").asString()),
                    optional(detail, "session_id") == null ? null : SessionId.of(optional(detail, "session_id")),
                    optional(detail, "message_id") == null ? null : MessageId.of(optional(detail, "message_id")),
                    detail.path("event_id").asString());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
