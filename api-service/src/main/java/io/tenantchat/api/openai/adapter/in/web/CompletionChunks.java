package io.tenantchat.api.openai.adapter.in.web;

import io.tenantchat.api.web.OpenAiErrorResponses;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one message's reply events (each once and in order, as the reply feed delivers them) into the {@code data}
 * of OpenAI {@code chat.completion.chunk} events: the role first, then the text as it streams, then a chunk with
 * the {@code finish_reason}, the usage in a chunk of its own when asked for, then {@code [DONE]}. The final text is
 * the stored reply: what the deltas did not carry (a feed without live worker events) comes with the end. A reply
 * that restarts after text was sent cannot take that text back: the stream ends with an error event (the reply is
 * still stored, {@code GET /api/chat/{id}}). Not thread-safe: one caller at a time.
 */
final class CompletionChunks {

    static final String DONE = "[DONE]";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageId messageId;
    private final String model;
    private final long created;
    private final boolean includeUsage;
    private final int outputCap;
    private final StringBuilder sent = new StringBuilder();
    private int attempt;
    private boolean finished;

    CompletionChunks(MessageId messageId, String model, long created, boolean includeUsage, int outputCap) {
        this.messageId = messageId;
        this.model = model;
        this.created = created;
        this.includeUsage = includeUsage;
        this.outputCap = outputCap;
    }

    boolean finished() {
        return finished;
    }

    /** The first chunk: the assistant's role, no text yet. */
    List<String> start() {
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("role", "assistant");
        delta.put("content", "");
        return List.of(chunk(delta, null));
    }

    /** The data of the events for {@code event}; none for other messages' events and after the end. */
    List<String> on(StreamEvent event) {
        if (finished || !event.messageId().equals(messageId)) {
            return List.of();
        }
        return switch (event) {
            case ReplyDelta delta -> delta(delta);
            case ReplyRestarted restarted -> restart(restarted.attempt());
            case ReplyFailed failed -> fail(CompletionAnswers.failure(failed));
            default -> CompletionAnswers.isEnd(event) ? end(event) : List.of();
        };
    }

    /** The completion timeout passed before the reply ended. */
    List<String> timedOut() {
        return finished ? List.of() : fail(new CompletionAnswers.Failure(HttpStatus.GATEWAY_TIMEOUT, "timeout",
                "the reply took longer than this API waits; read it with GET /api/chat/" + messageId.value()));
    }

    private List<String> delta(ReplyDelta delta) {
        if (delta.attempt() != attempt) {
            List<String> restarted = restart(delta.attempt());
            if (finished) {
                return restarted;
            }
        }
        if (delta.text().isEmpty()) {
            return List.of();
        }
        sent.append(delta.text());
        return List.of(chunk(Map.of("content", delta.text()), null));
    }

    private List<String> restart(int newAttempt) {
        attempt = newAttempt;
        if (sent.isEmpty()) {
            return List.of();
        }
        return fail(new CompletionAnswers.Failure(HttpStatus.BAD_GATEWAY, "reply_restarted",
                "the model's reply started over after text was streamed; read the whole reply with GET /api/chat/"
                        + messageId.value()));
    }

    private List<String> end(StreamEvent end) {
        finished = true;
        CompletionAnswers.Text text = CompletionAnswers.Text.of(end, model);
        List<String> data = new ArrayList<>();
        if (text.content().startsWith(sent.toString()) && text.content().length() > sent.length()) {
            data.add(chunk(Map.of("content", text.content().substring(sent.length())), null));
        }
        data.add(chunk(Map.of(), CompletionAnswers.finishReason(text.usage(), outputCap)));
        if (includeUsage) {
            Map<String, Object> usage = new LinkedHashMap<>(base());
            usage.put("choices", List.of());
            ChatCompletion.Usage tokens = CompletionAnswers.usage(text.usage());
            usage.put("usage", Map.of("prompt_tokens", tokens.promptTokens(), "completion_tokens",
                    tokens.completionTokens(), "total_tokens", tokens.totalTokens()));
            data.add(JSON.writeValueAsString(usage));
        }
        data.add(DONE);
        return data;
    }

    /** An OpenAI error event, which OpenAI clients raise; the stream ends after it. */
    private List<String> fail(CompletionAnswers.Failure failure) {
        finished = true;
        return List.of(OpenAiErrorResponses.json(failure.status(), failure.code(), failure.message()));
    }

    private String chunk(Map<String, Object> delta, @Nullable String finishReason) {
        Map<String, @Nullable Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        Map<String, Object> chunk = new LinkedHashMap<>(base());
        chunk.put("choices", List.of(choice));
        return JSON.writeValueAsString(chunk);
    }

    private Map<String, Object> base() {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("id", CompletionAnswers.id(messageId));
        base.put("object", "chat.completion.chunk");
        base.put("created", created);
        base.put("model", model);
        return base;
    }
}
