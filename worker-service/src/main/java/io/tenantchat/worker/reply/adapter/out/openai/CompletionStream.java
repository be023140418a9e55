package io.tenantchat.worker.reply.adapter.out.openai;

import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ModelReply;
import java.time.Duration;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a streamed chat completion line by line (server-sent events): each {@code data:} line is one JSON chunk
 * whose {@code choices[0].delta.content} is passed on; the last chunk carries {@code usage} with empty
 * {@code choices}; {@code data: [DONE]} ends it. A reply counts as complete only after a {@code finish_reason} or
 * {@code [DONE]}; an {@code error} chunk fails it. Lines arrive one at a time from the HTTP client.
 */
final class CompletionStream implements Flow.Subscriber<String> {

    private final StringBuilder text = new StringBuilder();
    private final ReplyListener listener;
    private @Nullable Integer inputTokens;
    private @Nullable Integer outputTokens;
    private @Nullable Integer cachedTokens;
    private boolean finished;
    private @Nullable ChatModelException failure;

    CompletionStream(ReplyListener listener) {
        this.listener = listener;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
        if (failure != null || !line.startsWith("data:")) {
            return;
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
            finished = true;
        } else if (!data.isEmpty()) {
            chunk(data);
        }
    }

    @Override
    public void onError(Throwable error) {
        // the HTTP client fails the response future with the same error
    }

    @Override
    public void onComplete() {
        // completeness is judged in toReply: a [DONE] or finish_reason must have arrived
    }

    /** The whole reply, or the failure the stream reported or its early end. */
    synchronized ModelReply toReply(String modelId, Duration latency) {
        if (failure != null) {
            throw failure;
        }
        if (!finished) {
            throw ChatModelException.retryable("The model stream ended before the reply was complete.", null);
        }
        return new ModelReply(text.toString(), modelId, inputTokens, outputTokens, cachedTokens, null, latency);
    }

    private void chunk(String data) {
        JsonNode chunk;
        try {
            chunk = ChatCompletionRequests.JSON.readTree(data);
        } catch (JacksonException e) {
            failure = ChatModelException.retryable("The model sent a malformed stream.", e);
            return;
        }
        if (chunk.has("error")) {
            failure = ChatModelException.retryable("The model failed while answering.", null);
            return;
        }
        JsonNode choice = chunk.path("choices").path(0);
        String content = choice.path("delta").path("content").stringValue(null);
        if (content != null && !content.isEmpty()) {
            text.append(content);
            listener.delta(content);
        }
        finished |= choice.path("finish_reason").isString();
        usage(chunk.path("usage"));
    }

    /**
     * {@code prompt_tokens} includes the {@code prompt_tokens_details.cached_tokens} read from the prompt cache; the
     * reply's input tokens are the uncached ones, as Bedrock reports them, so that each token is priced once.
     */
    private void usage(JsonNode usage) {
        if (usage.isObject()) {
            Integer prompt = count(usage.path("prompt_tokens"));
            Integer cached = count(usage.path("prompt_tokens_details").path("cached_tokens"));
            outputTokens = count(usage.path("completion_tokens"));
            cachedTokens = cached;
            inputTokens = prompt == null || cached == null ? prompt : Integer.valueOf(Math.max(0, prompt - cached));
        }
    }

    private static @Nullable Integer count(JsonNode value) {
        return value.canConvertToInt() ? value.intValue() : null;
    }
}
