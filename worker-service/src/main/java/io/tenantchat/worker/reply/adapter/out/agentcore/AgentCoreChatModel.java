package io.tenantchat.worker.reply.adapter.out.agentcore;

import io.tenantchat.worker.reply.config.ConditionalOnModelProvider;
import io.tenantchat.worker.reply.config.ModelProperties;
import io.tenantchat.worker.reply.config.ModelProvider;
import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationScope;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreAsyncClient;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;

/**
 * {@link ChatModel} on an agent hosted in AgentCore Runtime ({@code InvokeAgentRuntime}). The agent's reply is
 * its own stream, read line by line as it arrives and parsed into deltas; token usage stays unknown
 * unless the agent reports it. A session id derived from tenant and session keeps each conversation in its own
 * runtime session. A client's conversation ({@code POST /v1/chat/completions}) is sent whole with its max_tokens;
 * the model and temperature are the agent's own (the payload carries neither).
 */
@Component
@ConditionalOnModelProvider(ModelProvider.AGENTCORE)
class AgentCoreChatModel implements ChatModel {

    private static final String ACCEPT = "text/event-stream, application/x-ndjson, application/json";

    /** The settings the payload carries to the runtime ({@code system}, {@code messages}, {@code max_tokens}). */
    static final Set<String> HONOURED = Set.of(ModelSettings.SYSTEM_PROMPT, ModelSettings.MAX_OUTPUT_TOKENS,
            ModelSettings.HISTORY);

    private final BedrockAgentCoreAsyncClient agentCore;
    private final ModelProperties model;

    AgentCoreChatModel(BedrockAgentCoreAsyncClient agentCore, ModelProperties model) {
        this.agentCore = agentCore;
        this.model = model;
        Objects.requireNonNull(model.agentcoreRuntimeArn(), "tenantchat.model.agentcore-runtime-arn");
    }

    @Override
    public ModelReply reply(Conversation conversation, ModelSettings settings, ReplyListener listener) {
        // the payload carries the system prompt, the whole conversation and max_tokens; the runtime picks its model
        settings.requireHonoured(HONOURED, "AgentCore");
        int maxTokens = settings.maxTokens();
        long started = System.nanoTime();
        long deadline = started + model.callTimeout().toNanos();
        ResponsePublisher<InvokeAgentRuntimeResponse> body = await(agentCore.invokeAgentRuntime(
                request(conversation, maxTokens), AsyncResponseTransformer.toPublisher()), deadline, () -> { });
        AgentReply reply = new AgentReply(listener);
        AgentStreamSubscriber reader =
                new AgentStreamSubscriber(AgentStreamParser.forContentType(body.response().contentType()), reply);
        body.subscribe(reader);
        await(reader.done(), deadline, reader::cancel);
        return reply.complete(modelIdFor(conversation, settings), agentIdFor(conversation),
                Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String modelIdFor(Conversation conversation, ModelSettings settings) {
        return "agentcore:" + agentIdFor(conversation);
    }

    /** The runtime's ARN. */
    @Override
    public String agentIdFor(Conversation conversation) {
        return Objects.requireNonNull(model.agentcoreRuntimeArn());
    }

    private InvokeAgentRuntimeRequest request(Conversation conversation, int maxTokens) {
        ConversationScope scope = ConversationScope.of(conversation).orElseThrow(() -> ChatModelException.permanent(
                ErrorCode.INVALID_REQUEST, "The conversation names no tenant, user and session.", null));
        return InvokeAgentRuntimeRequest.builder()
                .agentRuntimeArn(model.agentcoreRuntimeArn())
                .qualifier(model.agentcoreQualifier())
                .runtimeSessionId(RuntimeSessionIds.of(scope))
                .contentType("application/json")
                .accept(ACCEPT)
                .payload(SdkBytes.fromByteArray(AgentCorePayloads.of(conversation, scope, maxTokens)))
                .build();
    }

    /** Waits until {@code deadline} for {@code call}; on timeout or interruption {@code cancel} stops it. */
    private static <T> T await(CompletableFuture<T> call, long deadline, Runnable cancel) {
        return AgentCoreErrors.ERRORS.await(call, deadline, cancel);
    }
}
