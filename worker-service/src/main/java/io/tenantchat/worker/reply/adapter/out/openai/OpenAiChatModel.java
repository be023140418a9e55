package io.tenantchat.worker.reply.adapter.out.openai;

import io.tenantchat.worker.reply.config.ConditionalOnModelProvider;
import io.tenantchat.worker.reply.config.ModelProperties;
import io.tenantchat.worker.reply.config.ModelProvider;
import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.util.Set;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * {@link ChatModel} on an OpenAI-compatible server ({@code POST {base-url}/v1/chat/completions} with
 * {@code stream: true}): Ollama, llama.cpp {@code llama-server} or vLLM for a real local model. Usage comes from
 * the final chunk ({@code stream_options.include_usage}); a server that leaves it out leaves usage unknown. The
 * settings' model and temperature (a client's on {@code POST /v1/chat/completions}, allowed by the api, else the
 * tenant profile's) replace the configured ones; a profile's guardrail is refused.
 */
@Component
@ConditionalOnModelProvider(ModelProvider.OPENAI)
class OpenAiChatModel implements ChatModel {

    /** Every profile setting but a guardrail, which an OpenAI-compatible server has no notion of. */
    static final Set<String> HONOURED = Set.of(ModelSettings.SYSTEM_PROMPT, ModelSettings.MODEL,
            ModelSettings.MAX_OUTPUT_TOKENS, ModelSettings.TEMPERATURE, ModelSettings.HISTORY);

    private final HttpClient http;
    private final ModelProperties model;
    private final URI completions;
    private final String modelName;

    OpenAiChatModel(HttpClient http, ModelProperties model) {
        this.http = http;
        this.model = model;
        this.completions = OpenAiEndpoints.chatCompletions(model.openai().baseUrl());
        this.modelName = OpenAiEndpoints.requireModel(model.openai().model());
    }

    @Override
    public ModelReply reply(Conversation conversation, ModelSettings settings, ReplyListener listener) {
        settings.requireHonoured(HONOURED, "OpenAI-compatible");
        CompletionStream stream = new CompletionStream(listener);
        long started = System.nanoTime();
        await(http.sendAsync(request(conversation, settings), handler(stream)));
        return stream.toReply(modelIdFor(conversation, settings), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The settings' model (a model name of this server) when they name one, else the configured one. */
    @Override
    public String modelIdFor(Conversation conversation, ModelSettings settings) {
        String chosen = settings.modelId();
        return chosen == null ? modelName : chosen;
    }

    private HttpRequest request(Conversation conversation, ModelSettings settings) {
        Float chosen = settings.temperature();
        float temperature = chosen == null ? model.temperature() : chosen;
        byte[] body = ChatCompletionRequests.body(modelIdFor(conversation, settings), conversation,
                settings.maxTokens(), temperature);
        HttpRequest.Builder request = HttpRequest.newBuilder(completions)
                .timeout(model.callTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String apiKey = model.openai().apiKey();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request.build();
    }

    /** A 200 streams its lines into {@code stream}; any other status fails with the error its body explains. */
    private static BodyHandler<Void> handler(CompletionStream stream) {
        return info -> info.statusCode() == 200
                ? BodySubscribers.fromLineSubscriber(stream, ignored -> null, StandardCharsets.UTF_8, null)
                : BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                    throw OpenAiErrors.forStatus(info.statusCode(), body);
                });
    }

    private void await(CompletableFuture<HttpResponse<Void>> call) {
        OpenAiErrors.ERRORS.await(call, System.nanoTime() + model.callTimeout().toNanos(), () -> { });
    }
}
