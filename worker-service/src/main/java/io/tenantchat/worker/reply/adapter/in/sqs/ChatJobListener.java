package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.worker.reply.application.GenerateReplyUseCase;
import io.tenantchat.worker.reply.application.ReplyOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each chat job to the use case. Returning acknowledges (deletes) the message; an exception leaves it
 * for redelivery after the queue's visibility timeout.
 */
@Component
class ChatJobListener {

    private static final Logger log = LoggerFactory.getLogger(ChatJobListener.class);

    private final GenerateReplyUseCase generateReply;
    private final JsonMapper jsonMapper;

    ChatJobListener(GenerateReplyUseCase generateReply, JsonMapper jsonMapper) {
        this.generateReply = generateReply;
        this.jsonMapper = jsonMapper;
    }

    @SqsListener("${tenantchat.queues.chat-requests}")
    void onChatRequested(String body) {
        ChatRequested job;
        try {
            job = jsonMapper.readValue(body, ChatRequested.class);
        } catch (JacksonException e) {
            // a malformed job can never succeed: acknowledge it instead of redelivering it forever
            log.error("Dropping malformed chat job: {}", e.getOriginalMessage());
            return;
        }
        ReplyOutcome outcome = generateReply.generateReply(job);
        log.info("Job for message {} of tenant {}: {}", job.messageId(), job.tenantId(), outcome);
    }
}
