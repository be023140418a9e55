package io.tenantchat.worker.reply.adapter.out.bedrock;

import io.tenantchat.worker.reply.config.ConditionalOnModelProvider;
import io.tenantchat.worker.reply.config.ModelProperties;
import io.tenantchat.worker.reply.config.ModelProvider;
import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.Guardrail;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;

/**
 * {@link ChatModel} on Bedrock ConverseStream, the default provider: collects the streamed text and returns it only
 * when complete. The tenant context travels in the {@code system} field, and {@code maxTokens} is always sent. The
 * model is the settings' (a client's choice on {@code POST /v1/chat/completions}, allowed by the api, else the
 * tenant profile's), else the one in {@code tenantchat.model.tenant-models}, else the deployment's; the settings'
 * temperature and guardrail ({@code guardrailConfig}) apply too: every profile setting is honoured.
 */
@Component
@ConditionalOnModelProvider(ModelProvider.BEDROCK)
class BedrockChatModel implements ChatModel {

    private final BedrockRuntimeAsyncClient bedrock;
    private final ModelProperties model;
    private final TenantModels tenantModels;
    private final PromptCaching promptCaching;

    BedrockChatModel(BedrockRuntimeAsyncClient bedrock, ModelProperties model) {
        this.bedrock = bedrock;
        this.model = model;
        this.tenantModels = new TenantModels(model.modelId(), model.tenantModels());
        this.promptCaching = new PromptCaching(model.promptCachingModels());
    }

    @Override
    public ModelReply reply(Conversation conversation, ModelSettings settings, ReplyListener listener) {
        String modelId = modelIdFor(conversation, settings);
        ReplyCollector collector = new ReplyCollector(listener);
        long started = System.nanoTime();
        await(bedrock.converseStream(request(modelId, conversation, settings), collector.handler()));
        return collector.toReply(modelId, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String modelIdFor(Conversation conversation, ModelSettings settings) {
        String chosen = settings.modelId();
        return chosen == null ? tenantModels.modelFor(conversation) : chosen;
    }

    private ConverseStreamRequest request(String modelId, Conversation conversation, ModelSettings settings) {
        Float temperature = settings.temperature();
        boolean cached = promptCaching.supports(modelId);
        ConverseStreamRequest.Builder request = ConverseStreamRequest.builder()
                .modelId(modelId)
                .messages(PromptCaching.messages(conversation.turns(), cached))
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(settings.maxTokens())
                        .temperature(temperature == null ? model.temperature() : temperature)
                        .build());
        // a client's conversation may have no system message; Converse refuses an empty system block
        if (!conversation.systemPrompt().isBlank()) {
            request.system(PromptCaching.system(conversation.systemPrompt(), cached));
        }
        Guardrail guardrail = settings.guardrail();
        if (guardrail != null) {
            request.guardrailConfig(GuardrailStreamConfiguration.builder()
                    .guardrailIdentifier(guardrail.id())
                    .guardrailVersion(guardrail.version())
                    .streamProcessingMode(model.guardrailStreamMode())
                    .build());
        }
        return request.build();
    }

    private void await(CompletableFuture<Void> call) {
        BedrockErrors.ERRORS.await(call, System.nanoTime() + model.callTimeout().toNanos(), () -> { });
    }
}
