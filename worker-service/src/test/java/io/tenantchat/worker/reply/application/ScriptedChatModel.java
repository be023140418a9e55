package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ModelReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link ChatModel} that records its calls and answers, or fails, as told. */
final class ScriptedChatModel implements ChatModel {

    static final String MODEL_ID = "test-model";

    final List<Conversation> conversations = new ArrayList<>();
    final List<Integer> maxTokens = new ArrayList<>();
    private ChatModelException failure;

    void failWith(ChatModelException failure) {
        this.failure = failure;
    }

    int calls() {
        return conversations.size();
    }

    @Override
    public ModelReply reply(Conversation conversation, int maxTokens, ReplyListener listener) {
        conversations.add(conversation);
        this.maxTokens.add(maxTokens);
        if (failure != null) {
            throw failure;
        }
        return new ModelReply("Paris.", MODEL_ID, 12, 3, Duration.ofMillis(250));
    }
}
