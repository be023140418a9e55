package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ChatModel} that records its calls and streams "Paris." in two deltas, or fails as told: always, or for
 * the first few calls only (after streaming some text, as an in-stream error would).
 */
final class ScriptedChatModel implements ChatModel {

    static final String MODEL_ID = "test-model";

    final List<Conversation> conversations = new ArrayList<>();
    final List<Integer> maxTokens = new ArrayList<>();
    final List<ModelSettings> settings = new ArrayList<>();
    private ChatModelException failure;
    private int failuresLeft;
    private Runnable afterFirstDelta;
    private String agentId;

    /** Answers as the agent {@code agentId} (the model id stays {@link #MODEL_ID}). */
    void answerAsAgent(String agentId) {
        this.agentId = agentId;
    }

    /**
     * After the first delta, runs {@code action} and then streams on until interrupted, as a provider stream does;
     * the interrupt ends the call as the adapters end it (cancelled, a retryable failure).
     */
    void streamUntilInterrupted(Runnable action) {
        this.afterFirstDelta = action;
    }

    private boolean guardrail;

    /** Answers as Bedrock does when a guardrail intervenes: its own message streamed, stop reason guardrail. */
    void interveneWithGuardrail() {
        this.guardrail = true;
    }

    void failWith(ChatModelException failure) {
        failFirst(Integer.MAX_VALUE, failure);
    }

    void failFirst(int calls, ChatModelException failure) {
        this.failure = failure;
        this.failuresLeft = calls;
    }

    int calls() {
        return conversations.size();
    }

    @Override
    public String modelIdFor(Conversation conversation, ModelSettings settings) {
        return settings.modelId() == null ? MODEL_ID : settings.modelId();
    }

    @Override
    public String agentIdFor(Conversation conversation) {
        return agentId;
    }

    @Override
    public ModelReply reply(Conversation conversation, ModelSettings settings, ReplyListener listener) {
        conversations.add(conversation);
        this.maxTokens.add(settings.maxTokens());
        this.settings.add(settings);
        listener.delta("Par");
        if (afterFirstDelta != null) {
            afterFirstDelta.run();
            try {
                new java.util.concurrent.CountDownLatch(1).await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ChatModelException.retryable("The reply was interrupted.", e);
            }
            throw new AssertionError("the stream was never interrupted");
        }
        if (failure != null && failuresLeft-- > 0) {
            throw failure;
        }
        listener.delta("is.");
        if (guardrail) {
            return new ModelReply("Par is.", modelIdFor(conversation, settings), 12, 3, null, null,
                    Duration.ofMillis(250), agentId, true);
        }
        return new ModelReply("Paris.", modelIdFor(conversation, settings), 12, 3, 40, 8, Duration.ofMillis(250),
                agentId);
    }
}
