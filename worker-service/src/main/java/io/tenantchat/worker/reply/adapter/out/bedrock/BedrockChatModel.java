package io.tenantchat.worker.reply.adapter.out.bedrock;

import io.tenantchat.worker.reply.config.ConditionalOnModelProvider;
import io.tenantchat.worker.reply.config.ModelProperties;
import io.tenantchat.worker.reply.config.ModelProvider;
import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.Role;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * {@link ChatModel} on Bedrock ConverseStream, the default provider: collects the streamed text and returns it only
 * when complete. The tenant context travels in the {@code system} field, and {@code maxTokens} is always sent. The
 * model is the one a client chose ({@code POST /v1/chat/completions}, allowed by the api), else the deployment's
 * unless the tenant has its own in {@code tenantchat.model.tenant-models}; a client's temperature replaces the
 * configured one.
 */
@Component
@ConditionalOnModelProvider(ModelProvider.BEDROCK)
class BedrockChatModel implements ChatModel {

    private final BedrockRuntimeAsyncClient bedrock;
    private final ModelProperties model;
    private final TenantModels tenantModels;

    BedrockChatModel(BedrockRuntimeAsyncClient bedrock, ModelProperties model) {
        this.bedrock = bedrock;
        this.model = model;
        this.tenantModels = new TenantModels(model.modelId(), model.tenantModels());
    }

    @Override
    public ModelReply reply(Conversation conversation, int maxTokens, ReplyListener listener) {
        String modelId = modelIdFor(conversation);
        ReplyCollector collector = new ReplyCollector(listener);
        long started = System.nanoTime();
        await(bedrock.converseStream(request(modelId, conversation, maxTokens), collector.handler()));
        return collector.toReply(modelId, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String modelIdFor(Conversation conversation) {
        String chosen = conversation.options().modelId();
        return chosen != null ? chosen : tenantModels.modelFor(conversation);
    }

    private ConverseStreamRequest request(String modelId, Conversation conversation, int maxTokens) {
        Double chosen = conversation.options().temperature();
        ConverseStreamRequest.Builder request = ConverseStreamRequest.builder()
                .modelId(modelId)
                .messages(conversation.turns().stream().map(BedrockChatModel::message).toList())
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(maxTokens)
                        .temperature(chosen != null ? chosen.floatValue() : model.temperature())
                        .build());
        // a client's conversation may have no system message; Converse refuses an empty system block
        if (!conversation.systemPrompt().isBlank()) {
            request.system(SystemContentBlock.fromText(conversation.systemPrompt()));
        }
        return request.build();
    }

    private static Message message(ChatTurn turn) {
        ConversationRole role = turn.role() == Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT;
        return Message.builder().role(role).content(ContentBlock.fromText(turn.text())).build();
    }

    private void await(CompletableFuture<Void> call) {
        BedrockErrors.ERRORS.await(call, System.nanoTime() + model.callTimeout().toNanos(), () -> { });
    }
}
