package io.tenantchat.api.stream.adapter.in.sse;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns one message's reply events (each once and in order, as the reply feed delivers them: the text of an
 * attempt from its first character on) into SSE frames whose ids are positions in the text, {@code attempt:chars}.
 * Resuming from a client's point drops the text it has; an attempt newer than the client's is announced by a
 * {@code restarted} frame first, since the client's text is void. Not thread-safe: one caller at a time.
 */
final class ReplyFrames {

    private final MessageId messageId;
    /** The attempt whose text the client is shown. */
    private int attempt;
    /** Characters of that attempt's text the client has. */
    private long sent;
    /** Characters of that attempt's text the feed has delivered here. */
    private long streamed;
    private boolean finished;

    ReplyFrames(MessageId messageId, ResumePoint resume) {
        this.messageId = messageId;
        this.attempt = resume.attempt();
        this.sent = resume.chars();
    }

    boolean finished() {
        return finished;
    }

    /** The frames for one event; none for other messages' events and after the terminal frame. */
    List<SseFrame> on(StreamEvent event) {
        if (finished || !event.messageId().equals(messageId)) {
            return List.of();
        }
        return switch (event) {
            case ReplyDelta delta -> delta(delta);
            case ReplyRestarted restarted -> restart(restarted.attempt());
            case ReplyCompleted completed -> List.of(completed(completed));
            case ReplyFailed failed -> List.of(failed(failed));
            case ReplyCancelled cancelled -> List.of(cancelled(cancelled));
            default -> List.of();
        };
    }

    private List<SseFrame> delta(ReplyDelta delta) {
        List<SseFrame> frames = new ArrayList<>();
        if (delta.attempt() != attempt) {
            frames.addAll(restart(delta.attempt()));
        }
        long before = streamed;
        streamed += delta.text().length();
        if (streamed <= sent) {
            return frames; // the client has this text already
        }
        String text = delta.text().substring((int) Math.max(0, sent - before));
        sent = streamed;
        frames.add(new SseFrame(new ResumePoint(attempt, sent).id(), "delta", data("attempt", attempt, "text", text)));
        return frames;
    }

    /** The text so far is void: the client is told so when it holds any. */
    private List<SseFrame> restart(int newAttempt) {
        boolean clientHasText = sent > 0;
        attempt = newAttempt;
        sent = 0;
        streamed = 0;
        return clientHasText
                ? List.of(new SseFrame(new ResumePoint(newAttempt, 0).id(), "restarted", data("attempt", newAttempt)))
                : List.of();
    }

    private SseFrame completed(ReplyCompleted completed) {
        finished = true;
        ReplyUsage usage = completed.usage();
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("input_tokens", usage.inputTokens());
        tokens.put("output_tokens", usage.outputTokens());
        String stopReason = completed.stopReason();
        return new SseFrame(ResumePoint.DONE, "completed", stopReason == null
                ? data("content", completed.content(), "model_id", completed.modelId(), "usage", tokens)
                : data("content", completed.content(), "model_id", completed.modelId(), "usage", tokens,
                        "stop_reason", stopReason));
    }

    /** Stopped by its author: the text generated until then (empty, usage null, when it never reached the model). */
    private SseFrame cancelled(ReplyCancelled cancelled) {
        finished = true;
        ReplyUsage usage = cancelled.usage();
        Map<String, Object> tokens = null;
        if (usage != null) {
            tokens = new LinkedHashMap<>();
            tokens.put("input_tokens", usage.inputTokens());
            tokens.put("output_tokens", usage.outputTokens());
        }
        return new SseFrame(ResumePoint.DONE, "cancelled",
                data("content", cancelled.content(), "model_id", cancelled.modelId(), "usage", tokens));
    }

    private SseFrame failed(ReplyFailed failed) {
        finished = true;
        return new SseFrame(ResumePoint.DONE, "failed", data("error",
                Map.of("code", failed.error().code(), "message", failed.error().message())));
    }

    private Map<String, @Nullable Object> data(@Nullable Object... pairs) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("message_id", messageId.value());
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }
}
