package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.time.Clock;
import java.time.Instant;

/** Builds user messages with sensible defaults. */
final class UserMessageTestData {

    static final TenantId TENANT = TenantId.of("tenant-001");
    static final SessionId SESSION = SessionId.of("2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
    static final UserId USER = UserId.of("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");

    private MessageId messageId = MessageId.next(Clock.systemUTC());
    private String content = "What is the capital of France?";
    private MessageStatus status = MessageStatus.QUEUED;
    private int attempts;

    static UserMessageTestData aUserMessage() {
        return new UserMessageTestData();
    }

    UserMessageTestData withContent(String content) {
        this.content = content;
        return this;
    }

    UserMessageTestData withStatus(MessageStatus status) {
        this.status = status;
        return this;
    }

    UserMessageTestData withAttempts(int attempts) {
        this.attempts = attempts;
        return this;
    }

    UserMessage build() {
        return new UserMessage(new MessageRef(TENANT, SESSION, messageId), USER, content, status, attempts);
    }

    static ChatRequested jobFor(UserMessage message) {
        MessageRef ref = message.ref();
        return new ChatRequested(ref.messageId(), ref.tenantId(), message.userId(), ref.sessionId(), Instant.now());
    }
}
