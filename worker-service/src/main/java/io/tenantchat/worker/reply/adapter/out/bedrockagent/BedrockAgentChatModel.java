package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import io.tenantchat.worker.reply.config.ConditionalOnModelProvider;
import io.tenantchat.worker.reply.config.ModelProperties;
import io.tenantchat.worker.reply.config.ModelProvider;
import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationScope;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.SessionState;

/**
 * {@link ChatModel} on a Bedrock Agent ({@code InvokeAgent}). The agent keeps the conversation in its own session,
 * one per chat session and tenant, so only the current user text is sent; the tenant context goes in the session
 * attributes (for action groups) and prompt session attributes (for the agent's prompt), never into the user text.
 * The agent's prompt configuration, not this call, bounds its reply length: InvokeAgent takes no token limit.
 * A client's conversation ({@code POST /v1/chat/completions}) is answered only when it is one user message (the
 * agent would drop the rest: refused as an invalid request); its model, temperature and max_tokens are the agent's.
 */
@Component
@ConditionalOnModelProvider(ModelProvider.BEDROCK_AGENT)
class BedrockAgentChatModel implements ChatModel {

    private final BedrockAgentRuntimeAsyncClient agents;
    private final ModelProperties model;

    BedrockAgentChatModel(BedrockAgentRuntimeAsyncClient agents, ModelProperties model) {
        this.agents = agents;
        this.model = model;
        Objects.requireNonNull(model.agentId(), "tenantchat.model.agent-id");
        Objects.requireNonNull(model.agentAliasId(), "tenantchat.model.agent-alias-id");
    }

    @Override
    public ModelReply reply(Conversation conversation, ModelSettings settings, ReplyListener listener) {
        // the agent has its own instructions, model, memory and guardrail: no profile setting reaches it
        settings.requireHonoured(Set.of(), "Bedrock Agents");
        InvokeAgentRequest request = request(conversation);
        AgentReplyCollector collector = new AgentReplyCollector(listener);
        long started = System.nanoTime();
        await(agents.invokeAgent(request, collector.handler()));
        return collector.toReply(modelIdFor(conversation, settings), agentIdFor(conversation),
                Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String modelIdFor(Conversation conversation, ModelSettings settings) {
        return "bedrock-agent:" + agentIdFor(conversation);
    }

    /** The agent and its alias, {@code <agent id>/<alias id>}. */
    @Override
    public String agentIdFor(Conversation conversation) {
        return model.agentId() + "/" + model.agentAliasId();
    }

    private InvokeAgentRequest request(Conversation conversation) {
        ConversationScope scope = ConversationScope.of(conversation).orElseThrow(() -> ChatModelException.permanent(
                ErrorCode.INVALID_REQUEST, "The conversation names no tenant, user and session.", null));
        List<ChatTurn> turns = conversation.turns();
        if (conversation.scope() != null && (turns.size() > 1 || !conversation.systemPrompt().isBlank())) {
            // a client's conversation (POST /v1/chat/completions) would lose all but its last message here
            throw ChatModelException.permanent(ErrorCode.INVALID_REQUEST, "A Bedrock Agent keeps its own "
                    + "conversation and prompt: send one user message and no system message.", null);
        }
        return InvokeAgentRequest.builder()
                .agentId(model.agentId())
                .agentAliasId(model.agentAliasId())
                .sessionId(AgentSessionIds.of(scope))
                .inputText(turns.get(turns.size() - 1).text())
                .enableTrace(model.agentEnableTrace())
                .sessionState(sessionState(scope))
                .build();
    }

    private static SessionState sessionState(ConversationScope scope) {
        Map<String, String> attributes = Map.of(
                "tenant_id", scope.tenantId().value(),
                "user_id", scope.userId().value(),
                "session_id", scope.sessionId().value());
        return SessionState.builder().sessionAttributes(attributes).promptSessionAttributes(attributes).build();
    }

    private void await(CompletableFuture<Void> call) {
        AgentErrors.ERRORS.await(call, System.nanoTime() + model.callTimeout().toNanos(), () -> { });
    }
}
