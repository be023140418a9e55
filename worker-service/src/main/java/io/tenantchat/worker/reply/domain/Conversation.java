package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.GivenConversation;
import io.tenantchat.shared.MessageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the model is asked to continue: a system prompt and turns that alternate user/assistant, starting and
 * ending with a user turn.
 *
 * @param scope whose conversation it is, when the use case says so (a given conversation, whose system prompt is
 *     the client's and must not be read for it); null: read from the system prompt ({@link ConversationScope#of})
 * @param options the client's model and temperature ({@link ModelOptions#DEFAULTS}: none chosen); the use case
 *     applies them within the tenant's settings ({@link ModelSettings#withClient}), which are what adapters read
 */
public record Conversation(String systemPrompt, List<ChatTurn> turns, @Nullable ConversationScope scope,
        ModelOptions options) {

    public Conversation {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(options, "options");
        turns = List.copyOf(turns);
        requireAlternating(turns);
    }

    public Conversation(String systemPrompt, List<ChatTurn> turns) {
        this(systemPrompt, turns, null, ModelOptions.DEFAULTS);
    }

    /**
     * The conversation a client gave ({@code POST /v1/chat/completions}), sent as it is: its {@code system} messages
     * (joined by a blank line) are the system prompt, the others the turns, in order. Providers take strictly
     * alternating turns, so consecutive messages of one role are joined by a blank line into one turn; nothing is
     * dropped or trimmed.
     *
     * @throws IllegalArgumentException when the turns do not start and end with a user message
     */
    public static Conversation given(GivenConversation given, ConversationScope scope) {
        List<String> system = new ArrayList<>();
        List<ChatTurn> turns = new ArrayList<>();
        for (GivenConversation.Message message : given.messages()) {
            if (message.role().equals("system")) {
                system.add(message.content());
                continue;
            }
            Role role = Role.fromWireValue(message.role());
            if (!turns.isEmpty() && turns.getLast().role() == role) {
                ChatTurn last = turns.removeLast();
                turns.add(new ChatTurn(role, last.text() + "\n\n" + message.content()));
            } else {
                turns.add(new ChatTurn(role, message.content()));
            }
        }
        return new Conversation(String.join("\n\n", system), turns, scope,
                new ModelOptions(given.model(), given.temperature()));
    }

    /**
     * Builds the conversation from earlier messages (in conversation order) and the current user text. Only
     * completed exchanges are kept: a user message without a reply (it failed) is left out so roles alternate.
     */
    public static Conversation of(String systemPrompt, List<StoredMessage> history, String currentText) {
        Map<MessageId, String> replies = history.stream()
                .filter(message -> message.role() == Role.ASSISTANT)
                .collect(Collectors.toMap(StoredMessage::messageId, StoredMessage::content, (a, b) -> a));
        List<ChatTurn> turns = new ArrayList<>();
        history.stream()
                .filter(message -> message.role() == Role.USER)
                .forEach(message -> {
                    String reply = replies.get(message.messageId());
                    if (reply != null) {
                        turns.add(ChatTurn.user(message.content()));
                        turns.add(ChatTurn.assistant(reply));
                    }
                });
        turns.add(ChatTurn.user(currentText));
        return new Conversation(systemPrompt, turns);
    }

    /**
     * This conversation within {@code budget}: the oldest exchanges (a user turn and its reply) are dropped first,
     * so roles still alternate and the current user turn always stays.
     */
    public Conversation trimmedTo(HistoryBudget budget) {
        int from = 0;
        int chars = turns.stream().mapToInt(turn -> turn.text().length()).sum();
        while (from < turns.size() - 1 && (turns.size() - from > budget.maxTurns() || chars > budget.maxChars())) {
            chars -= turns.get(from).text().length() + turns.get(from + 1).text().length();
            from += 2;
        }
        return from == 0 ? this : new Conversation(systemPrompt, turns.subList(from, turns.size()), scope, options);
    }

    private static void requireAlternating(List<ChatTurn> turns) {
        if (turns.isEmpty() || turns.get(turns.size() - 1).role() != Role.USER) {
            throw new IllegalArgumentException("a conversation ends with a user turn");
        }
        for (int i = 0; i < turns.size(); i++) {
            Role expected = i % 2 == 0 ? Role.USER : Role.ASSISTANT;
            if (turns.get(i).role() != expected) {
                throw new IllegalArgumentException("conversation turns must alternate user/assistant");
            }
        }
    }
}
