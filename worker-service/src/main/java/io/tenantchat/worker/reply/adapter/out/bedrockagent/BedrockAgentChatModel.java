package io.tenantchat.worker.reply.adapter.out.bedrockagent;

import io.tenantchat.worker.config.ConditionalOnModelProvider;
import io.tenantchat.worker.config.ModelProperties;
import io.tenantchat.worker.config.ModelProvider;
import io.tenantchat.worker.reply.application.ChatModel;
import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationScope;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.SessionState;

/**
 * {@link ChatModel} on a Bedrock Agent ({@code InvokeAgent}). The agent keeps the conversation in its own session,
 * one per chat session and tenant, so only the current user text is sent; the tenant context goes in the session
 * attributes (for action groups) and prompt session attributes (for the agent's prompt), never into the user text.
 * The agent's prompt configuration, not this call, bounds its reply length: InvokeAgent takes no token limit.
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
        return collector.toReply(modelIdFor(conversation, settings), Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String modelIdFor(Conversation conversation, ModelSettings settings) {
        return "bedrock-agent:" + model.agentId() + "/" + model.agentAliasId();
    }

    private InvokeAgentRequest request(Conversation conversation) {
        ConversationScope scope = ConversationScope.of(conversation).orElseThrow(() -> ChatModelException.permanent(
                ErrorCode.INVALID_REQUEST, "The conversation names no tenant, user and session.", null));
        List<ChatTurn> turns = conversation.turns();
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
        try {
            call.get(model.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw AgentErrors.classify(e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw ChatModelException.retryable(AgentErrors.TIMED_OUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw ChatModelException.retryable("The reply was interrupted.", e);
        }
    }
}
