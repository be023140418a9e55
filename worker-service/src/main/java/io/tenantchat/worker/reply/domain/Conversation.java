package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.MessageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the model is asked to continue: a system prompt and turns that alternate user/assistant, starting and
 * ending with a user turn.
 */
public record Conversation(String systemPrompt, List<ChatTurn> turns) {

    public Conversation {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        turns = List.copyOf(turns);
        requireAlternating(turns);
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
        return from == 0 ? this : new Conversation(systemPrompt, turns.subList(from, turns.size()));
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
