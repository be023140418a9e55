package io.tenantchat.worker.reply.adapter.out.openai;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Checks the OpenAI-compatible settings at startup and derives the chat completions URL from the base URL. */
final class OpenAiEndpoints {

    private OpenAiEndpoints() {}

    /** {@code {baseUrl}/v1/chat/completions}, without doubling a {@code /v1} the base URL already ends with. */
    static URI chatCompletions(@Nullable String baseUrl) {
        URI base = parse(baseUrl);
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        String v1 = path.endsWith("/v1") ? path : path + "/v1";
        return base.resolve(v1 + "/chat/completions");
    }

    static String requireModel(@Nullable String model) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(
                    "tenantchat.model.openai.model (OPENAI_MODEL) must name the served model, e.g. llama3.2");
        }
        return model.strip();
    }

    private static URI parse(@Nullable String baseUrl) {
        try {
            URI uri = URI.create(baseUrl == null ? "" : baseUrl.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below with the setting's name
        }
        throw new IllegalArgumentException("tenantchat.model.openai.base-url (OPENAI_BASE_URL) '" + baseUrl
                + "' is not an http(s) URL such as http://localhost:11434");
    }
}
