package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.observability.LogContext;
import io.tenantchat.worker.reply.application.GenerateReplyUseCase;
import io.tenantchat.worker.reply.application.ReplyMetrics;
import io.tenantchat.worker.reply.application.ReplyOutcome;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each chat job to the use case, on its own virtual thread, while the worker's {@link LeaseKeeper} keeps it
 * invisible to other workers (held since its receipt, {@link FifoJobComponents}); the lease ends before the job
 * returns. Returning acknowledges (deletes) the message; an exception leaves it for redelivery once the lease runs
 * out. A job whose message ended failed is copied to the dead-letter queue before it is acknowledged.
 */
@Component
class ChatJobListener {

    private static final Logger log = LoggerFactory.getLogger(ChatJobListener.class);

    private final GenerateReplyUseCase generateReply;
    private final JsonMapper jsonMapper;
    private final LeaseKeeper leases;
    private final DeadLetters deadLetters;
    private final ReplyMetrics metrics;

    ChatJobListener(GenerateReplyUseCase generateReply, JsonMapper jsonMapper, LeaseKeeper leases,
            DeadLetters deadLetters) {
        this(generateReply, jsonMapper, leases, deadLetters, ReplyMetrics.NONE);
    }

    @Autowired
    ChatJobListener(GenerateReplyUseCase generateReply, JsonMapper jsonMapper, LeaseKeeper leases,
            DeadLetters deadLetters, ReplyMetrics metrics) {
        this.metrics = metrics;
        this.generateReply = generateReply;
        this.jsonMapper = jsonMapper;
        this.leases = leases;
        this.deadLetters = deadLetters;
    }

    @SqsListener(value = "${tenantchat.queues.chat-requests}",
            messageVisibilitySeconds = "${tenantchat.worker.visibility.lease-seconds:30}")
    void onChatRequested(Message<String> message) {
        try (LeaseKeeper.Lease lease = leases.hold(message)) {
            ChatRequested job = parse(message.getPayload());
            if (job != null) {
                handle(job, message);
            }
        }
    }

    private void handle(ChatRequested job, Message<String> message) {
        try (LogContext ignored = LogContext.of(LogContext.TENANT_ID, job.tenantId().value(),
                LogContext.USER_ID, job.userId().value(), LogContext.SESSION_ID, job.sessionId().value(),
                LogContext.MESSAGE_ID, job.messageId().value())) {
            metrics.queueWait(job.tenantId(), Duration.between(job.requestedAt(), Instant.now()));
            ReplyOutcome outcome = generateReply.generateReply(job);
            if (outcome.deadLetter()) {
                deadLetters.send(job, message.getPayload(), groupId(message, job), deduplicationId(message, job));
            }
            log.info("Job for message {} of tenant {}: {}", job.messageId(), job.tenantId(), outcome);
        }
    }

    private @Nullable ChatRequested parse(String body) {
        try {
            return jsonMapper.readValue(body, ChatRequested.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // a malformed job can never succeed: acknowledge it instead of redelivering it forever
            log.error("Dropping malformed chat job: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The received job's own deduplication id: a redelivery of it is copied with the same id (SQS drops the copy),
     * while a job requeued by a retry or replay has a fresh one, so its copy is kept even within the window.
     */
    private static String deduplicationId(Message<String> message, ChatRequested job) {
        Object id = message.getHeaders().get(SqsHeaders.MessageSystemAttributes.SQS_MESSAGE_DEDUPLICATION_ID_HEADER);
        return id == null ? job.deduplicationId() : id.toString();
    }

    private static String groupId(Message<String> message, ChatRequested job) {
        Object group = message.getHeaders().get(SqsHeaders.MessageSystemAttributes.SQS_MESSAGE_GROUP_ID_HEADER);
        return group == null ? job.messageGroupId() : group.toString();
    }
}
