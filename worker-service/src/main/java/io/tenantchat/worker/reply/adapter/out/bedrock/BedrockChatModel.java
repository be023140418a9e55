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
 * model is the deployment's unless the tenant has its own in {@code tenantchat.model.tenant-models}.
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
        String modelId = tenantModels.modelFor(conversation);
        ReplyCollector collector = new ReplyCollector(listener);
        long started = System.nanoTime();
        await(bedrock.converseStream(request(modelId, conversation, maxTokens), collector.handler()));
        return collector.toReply(modelId, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String modelIdFor(Conversation conversation) {
        return tenantModels.modelFor(conversation);
    }

    private ConverseStreamRequest request(String modelId, Conversation conversation, int maxTokens) {
        return ConverseStreamRequest.builder()
                .modelId(modelId)
                .system(SystemContentBlock.fromText(conversation.systemPrompt()))
                .messages(conversation.turns().stream().map(BedrockChatModel::message).toList())
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(maxTokens)
                        .temperature(model.temperature())
                        .build())
                .build();
    }

    private static Message message(ChatTurn turn) {
        ConversationRole role = turn.role() == Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT;
        return Message.builder().role(role).content(ContentBlock.fromText(turn.text())).build();
    }

    private void await(CompletableFuture<Void> call) {
        BedrockErrors.ERRORS.await(call, System.nanoTime() + model.callTimeout().toNanos(), () -> { });
    }
}
