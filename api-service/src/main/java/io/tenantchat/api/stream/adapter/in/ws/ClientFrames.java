package io.tenantchat.api.stream.adapter.in.ws;

import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.StreamEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server events as the client sees them: {@code delta {message_id, seq, text}}, {@code restarted {message_id}}
 * (drop the partial text of that message), {@code completed {message_id, content, usage}},
 * {@code failed {message_id, error}}, {@code cancelled {message_id, content, usage}} (stopped by its author:
 * replace the partial text with {@code content}; {@code usage} null when no model was called), plus {@code ready}, {@code subscribed} and {@code error {code, message}}.
 */
final class ClientFrames {

    private final JsonMapper json;

    ClientFrames(JsonMapper json) {
        this.json = json;
    }

    String of(StreamEvent event) {
        ObjectNode frame = json.createObjectNode();
        if (event instanceof ReplyDelta delta) {
            frame.put("type", "delta").put("message_id", id(event)).put("seq", delta.seq()).put("text", delta.text());
        } else if (event instanceof ReplyRestarted) {
            frame.put("type", "restarted").put("message_id", id(event));
        } else if (event instanceof ReplyCompleted completed) {
            frame.put("type", "completed").put("message_id", id(event)).put("content", completed.content());
            ObjectNode usage = frame.putObject("usage");
            usage.put("input_tokens", completed.usage().inputTokens());
            usage.put("output_tokens", completed.usage().outputTokens());
            if (completed.stopReason() != null) {
                frame.put("stop_reason", completed.stopReason());
            }
        } else if (event instanceof ReplyCancelled cancelled) {
            frame.put("type", "cancelled").put("message_id", id(event)).put("content", cancelled.content());
            if (cancelled.usage() == null) {
                frame.putNull("usage");
            } else {
                ObjectNode usage = frame.putObject("usage");
                usage.put("input_tokens", cancelled.usage().inputTokens());
                usage.put("output_tokens", cancelled.usage().outputTokens());
            }
        } else if (event instanceof ReplyFailed failed) {
            frame.put("type", "failed").put("message_id", id(event));
            frame.putObject("error").put("code", failed.error().code()).put("message", failed.error().message());
        }
        return json.writeValueAsString(frame);
    }

    String ready(String tenantId, String userId) {
        return json.writeValueAsString(json.createObjectNode().put("type", "ready").put("tenant_id", tenantId)
                .put("user_id", userId));
    }

    String subscribed(String sessionId) {
        return json.writeValueAsString(json.createObjectNode().put("type", "subscribed").put("session_id", sessionId));
    }

    String error(String code, String message) {
        return json.writeValueAsString(json.createObjectNode().put("type", "error").put("code", code)
                .put("message", message));
    }

    private static String id(StreamEvent event) {
        return event.messageId().value();
    }
}
