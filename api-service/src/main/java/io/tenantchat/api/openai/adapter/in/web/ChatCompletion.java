package io.tenantchat.api.openai.adapter.in.web;

import java.util.List;

/** OpenAI's {@code chat.completion} object: one choice, the reply's text, and its usage. */
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

    record Choice(int index, Message message, String finishReason) {
    }

    record Message(String role, String content) {
    }

    /** Tokens as metered for the tenant (what {@code GET /api/tenants/{tenant_id}/usage} adds up). */
    record Usage(long promptTokens, long completionTokens, long totalTokens) {

        static Usage of(long prompt, long completion) {
            return new Usage(prompt, completion, prompt + completion);
        }
    }
}
