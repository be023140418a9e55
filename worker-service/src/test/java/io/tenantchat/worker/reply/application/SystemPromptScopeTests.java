package io.tenantchat.worker.reply.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.worker.reply.domain.ChatTurn;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationScope;
import io.tenantchat.worker.reply.domain.UserMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent adapters find the tenant in the system prompt: this pins the format both sides rely on. */
class SystemPromptScopeTests {

    @Test
    void systemPromptNamesTheMessagesTenantUserAndSession() {
        UserMessage message = UserMessageTestData.aUserMessage().build();
        Conversation conversation =
                new Conversation(SystemPrompt.forMessage(message), List.of(ChatTurn.user(message.content())));

        ConversationScope scope = ConversationScope.of(conversation).orElseThrow();

        assertThat(scope.tenantId()).isEqualTo(message.ref().tenantId());
        assertThat(scope.userId()).isEqualTo(message.userId());
        assertThat(scope.sessionId()).isEqualTo(message.ref().sessionId());
    }
}
