package io.tenantchat.worker.reply.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.MessageId;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTests {

    private final MessageId first = MessageId.next(Clock.systemUTC());
    private final MessageId second = MessageId.next(Clock.systemUTC());

    @Test
    void replyIsPairedWithItsUserMessageById() {
        List<StoredMessage> history = List.of(
                new StoredMessage(first, Role.USER, "one"),
                new StoredMessage(second, Role.USER, "two"),
                new StoredMessage(second, Role.ASSISTANT, "reply to two"));

        Conversation conversation = Conversation.of("system", history, "three");

        assertThat(conversation.turns()).containsExactly(
                ChatTurn.user("two"), ChatTurn.assistant("reply to two"), ChatTurn.user("three"));
    }

    @Test
    void aGivenConversationKeepsEveryMessageJoiningSystemMessagesAndRepeatedRoles() {
        io.tenantchat.shared.GivenConversation given = new io.tenantchat.shared.GivenConversation(List.of(
                new io.tenantchat.shared.GivenConversation.Message("system", "Be brief."),
                new io.tenantchat.shared.GivenConversation.Message("user", "one"),
                new io.tenantchat.shared.GivenConversation.Message("user", "two"),
                new io.tenantchat.shared.GivenConversation.Message("system", "Be kind."),
                new io.tenantchat.shared.GivenConversation.Message("assistant", "ok"),
                new io.tenantchat.shared.GivenConversation.Message("user", "three")), "model-x", null, 0.5);
        ConversationScope scope = new ConversationScope(io.tenantchat.shared.TenantId.of("tenant-001"),
                io.tenantchat.shared.UserId.of("user-1"), io.tenantchat.shared.SessionId.random());

        Conversation conversation = Conversation.given(given, scope);

        assertThat(conversation.systemPrompt()).isEqualTo("Be brief.\n\nBe kind.");
        assertThat(conversation.turns()).containsExactly(ChatTurn.user("one\n\ntwo"), ChatTurn.assistant("ok"),
                ChatTurn.user("three"));
        assertThat(conversation.options()).isEqualTo(new ModelOptions("model-x", 0.5));
        assertThat(conversation.scope()).isEqualTo(scope);
    }

    @Test
    void conversationEndingWithAssistantTurnIsRejected() {
        List<ChatTurn> turns = List.of(ChatTurn.user("hi"), ChatTurn.assistant("hello"));

        assertThatThrownBy(() -> new Conversation("system", turns)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conversationWithTwoUserTurnsInARowIsRejected() {
        List<ChatTurn> turns = List.of(ChatTurn.user("hi"), ChatTurn.user("anyone?"));

        assertThatThrownBy(() -> new Conversation("system", turns)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oldestExchangesAreDroppedBeyondTheTurnBudget() {
        Conversation conversation = new Conversation("system", List.of(ChatTurn.user("u1"), ChatTurn.assistant("a1"),
                ChatTurn.user("u2"), ChatTurn.assistant("a2"), ChatTurn.user("now")));

        assertThat(conversation.trimmedTo(new HistoryBudget(4, 1_000)).turns())
                .containsExactly(ChatTurn.user("u2"), ChatTurn.assistant("a2"), ChatTurn.user("now"));
        assertThat(conversation.trimmedTo(new HistoryBudget(5, 1_000))).isSameAs(conversation);
    }

    @Test
    void oldestExchangesAreDroppedBeyondTheCharacterBudget() {
        Conversation conversation = new Conversation("system", List.of(ChatTurn.user("x".repeat(50)),
                ChatTurn.assistant("y".repeat(50)), ChatTurn.user("short"), ChatTurn.assistant("reply"),
                ChatTurn.user("now")));

        assertThat(conversation.trimmedTo(new HistoryBudget(100, 20)).turns())
                .containsExactly(ChatTurn.user("short"), ChatTurn.assistant("reply"), ChatTurn.user("now"));
    }

    @Test
    void currentUserTurnStaysEvenWhenItAloneExceedsTheBudget() {
        Conversation conversation = new Conversation("system", List.of(ChatTurn.user("old"),
                ChatTurn.assistant("older reply"), ChatTurn.user("z".repeat(500))));

        assertThat(conversation.trimmedTo(new HistoryBudget(1, 10)).turns()).containsExactly(ChatTurn.user("z".repeat(500)));
    }
}
