package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.shared.MessageId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a conversation's active path in order; {@code nextCursor} (the last message id of the page) is present
 * when more messages follow. {@code branches} tells, per turn of the page, the turn it follows and its siblings.
 */
public record ConversationPage(List<Exchange> exchanges, @Nullable MessageId nextCursorOrNull,
        Map<MessageId, TurnBranches> branches) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ConversationPage {
        exchanges = List.copyOf(exchanges);
        branches = Map.copyOf(branches);
    }

    /** A page of a conversation that never branched: each turn follows the one before it. */
    public ConversationPage(List<Exchange> exchanges, @Nullable MessageId nextCursorOrNull) {
        this(exchanges, nextCursorOrNull, Map.of());
    }

    public Optional<MessageId> nextCursor() {
        return Optional.ofNullable(nextCursorOrNull);
    }

    /** This page of a conversation that never branched, with each turn's parent (the turn before) filled in. */
    ConversationPage linear(@Nullable MessageId before) {
        Map<MessageId, TurnBranches> linear = new java.util.HashMap<>();
        MessageId parent = before;
        for (Exchange exchange : exchanges) {
            MessageId id = exchange.message().messageId();
            linear.put(id, new TurnBranches(parent, List.of(id)));
            parent = id;
        }
        return new ConversationPage(exchanges, nextCursorOrNull, linear);
    }

    /** Where a turn sits: the turn it follows (null: it starts the conversation), and its siblings, itself included. */
    public record TurnBranches(@Nullable MessageId parentOrNull, List<MessageId> siblings) {

        public TurnBranches {
            siblings = List.copyOf(siblings);
        }
    }
}
