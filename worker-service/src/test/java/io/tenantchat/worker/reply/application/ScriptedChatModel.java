package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ModelReply;
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
    private ChatModelException failure;
    private int failuresLeft;

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
    public ModelReply reply(Conversation conversation, int maxTokens, ReplyListener listener) {
        conversations.add(conversation);
        this.maxTokens.add(maxTokens);
        listener.delta("Par");
        if (failure != null && failuresLeft-- > 0) {
            throw failure;
        }
        listener.delta("is.");
        return new ModelReply("Paris.", MODEL_ID, 12, 3, 40, 8, Duration.ofMillis(250));
    }
}
