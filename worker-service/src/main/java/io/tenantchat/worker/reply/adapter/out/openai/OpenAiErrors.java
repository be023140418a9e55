package io.tenantchat.worker.reply.adapter.out.openai;

import io.tenantchat.worker.reply.adapter.out.model.ModelErrors;
import io.tenantchat.worker.reply.adapter.out.model.ModelFailure;
import io.tenantchat.worker.reply.domain.ChatModelException;
import tools.jackson.core.JacksonException;

/**
 * HTTP statuses of an OpenAI-compatible server as {@link ModelFailure}s (the classification is {@link ModelErrors}).
 * Retryable: 429 (rate limit, Ollama's "server busy"), 408, 5xx (vLLM and llama-server answer 503 while loading a
 * model), timeouts and broken connections. Final: 400/413/422 (with the server's reason), 401/403, 404 (model not
 * pulled or served), other 4xx.
 */
final class OpenAiErrors {

    static final ModelErrors ERRORS = ModelErrors.of("model", "model server", "model");
    static final String TIMED_OUT = ERRORS.timedOut();

    private OpenAiErrors() {}

    static ChatModelException forStatus(int status, String body) {
        return ERRORS.of(ModelFailure.ofHttpStatus(status), detail(body), null);
    }

    /** {@code error.message} of an OpenAI error body, or the body itself when it is not JSON. */
    static String detail(String body) {
        try {
            var error = ChatCompletionRequests.JSON.readTree(body).path("error");
            return error.isString() ? error.stringValue() : error.path("message").asString("");
        } catch (JacksonException notJson) {
            return body;
        }
    }
}
