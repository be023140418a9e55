package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.ChatRequested;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a user message once: claims it, asks the model with the conversation so far, stores the outcome. */
public class GenerateReplyService implements GenerateReplyUseCase {

    private static final Logger log = LoggerFactory.getLogger(GenerateReplyService.class);

    private final ConversationStore store;
    private final ChatModel chatModel;
    private final ReplySettings settings;
    private final Clock clock;

    public GenerateReplyService(ConversationStore store, ChatModel chatModel, ReplySettings settings, Clock clock) {
        this.store = store;
        this.chatModel = chatModel;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ReplyOutcome generateReply(ChatRequested job) {
        MessageRef ref = new MessageRef(job.tenantId(), job.sessionId(), job.messageId());
        Optional<UserMessage> message = store.findUserMessage(ref);
        if (message.isEmpty()) {
            log.warn("No user message for job {} of tenant {}: nothing to answer", ref.messageId(), ref.tenantId());
            return ReplyOutcome.MESSAGE_NOT_FOUND;
        }
        if (message.get().status().isFinal()) {
            log.info("Message {} is already {}: duplicate job", ref.messageId(), message.get().status());
            return ReplyOutcome.ALREADY_DONE;
        }
        return store.startAttempt(ref, clock.instant()).map(this::answer).orElse(ReplyOutcome.ALREADY_DONE);
    }

    private ReplyOutcome answer(UserMessage message) {
        Conversation conversation = Conversation.of(
                SystemPrompt.forMessage(message), store.historyBefore(message.ref()), message.content());
        ModelReply reply;
        try {
            reply = chatModel.reply(conversation, settings.maxTokens(), ReplyListener.NONE);
        } catch (ChatModelException e) {
            return handleFailure(message, e);
        }
        boolean stored = store.completeWithReply(message, reply, clock.instant());
        return stored ? ReplyOutcome.COMPLETED : ReplyOutcome.ALREADY_DONE;
    }

    private ReplyOutcome handleFailure(UserMessage message, ChatModelException e) {
        if (e.isRetryable() && message.attempts() < settings.maxAttempts()) {
            log.warn("Attempt {} for message {} failed, leaving it for redelivery: {}",
                    message.attempts(), message.ref().messageId(), e.getMessage());
            throw e;
        }
        ReplyFailure failure = e.isRetryable()
                ? new ReplyFailure(ErrorCode.MODEL_UNAVAILABLE, e.failure().reason())
                : e.failure();
        log.warn("Message {} failed after {} attempt(s): {}", message.ref().messageId(), message.attempts(), failure);
        store.markFailed(message.ref(), failure, clock.instant());
        return ReplyOutcome.FAILED;
    }
}
