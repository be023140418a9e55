package io.tenantchat.api.chat.domain;

import io.tenantchat.shared.MessageId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A conversation's turns as a tree (docs/adr/006-conversation-branches.md). A turn follows its stored parent; a turn
 * without one ({@link TurnParent#IMPLICIT}, stored while its session had not branched) follows the previous such turn,
 * the first one starts the conversation. Siblings (turns with the same parent: regenerations and edits) are in id
 * order, that is creation order. The active path runs from the start through the chosen child of each turn
 * ({@code choices}, keyed by {@link #key}), or its newest child where none was chosen.
 */
public final class ConversationTree {

    /** The key of the conversation's start in {@code choices} and the parent of its first turns. */
    public static final String START = TurnParent.ROOT_WIRE;

    private final Map<MessageId, String> parentKey = new LinkedHashMap<>();
    private final Map<String, List<MessageId>> children = new HashMap<>();
    private final Map<String, MessageId> choices;

    /**
     * @param turnIds the turns' ids with their stored parents, in id (creation) order
     * @param choices the active child per parent key, as the session stores them
     */
    public ConversationTree(Map<MessageId, TurnParent> turnIds, Map<String, MessageId> choices) {
        this.choices = Map.copyOf(choices);
        String previousImplicit = START;
        for (Map.Entry<MessageId, TurnParent> turn : turnIds.entrySet()) {
            TurnParent parent = turn.getValue();
            String key;
            if (!parent.stored()) {
                key = previousImplicit;
                previousImplicit = turn.getKey().value();
            } else {
                key = parent.idOrNull() == null ? START : parent.idOrNull().value();
            }
            parentKey.put(turn.getKey(), key);
            children.computeIfAbsent(key, k -> new ArrayList<>()).add(turn.getKey());
        }
    }

    /** The tree of {@code turns} (in id order). */
    public static ConversationTree of(List<ChatMessage> turns, Map<String, MessageId> choices) {
        Map<MessageId, TurnParent> ids = new LinkedHashMap<>();
        turns.forEach(turn -> ids.put(turn.messageId(), turn.parent()));
        return new ConversationTree(ids, choices);
    }

    public static String key(@Nullable MessageId parent) {
        return parent == null ? START : parent.value();
    }

    public boolean contains(MessageId turn) {
        return parentKey.containsKey(turn);
    }

    /** The turn {@code turn} follows; empty when it starts the conversation. */
    public Optional<MessageId> parentOf(MessageId turn) {
        String key = requireKnown(turn);
        return START.equals(key) ? Optional.empty() : Optional.of(MessageId.of(key));
    }

    /** The turns with the same parent as {@code turn}, itself included, oldest first. */
    public List<MessageId> siblingsOf(MessageId turn) {
        return List.copyOf(children.get(requireKnown(turn)));
    }

    /** The turns that follow {@code parent} (null: the conversation's start), oldest first. */
    public List<MessageId> childrenOf(@Nullable MessageId parent) {
        return List.copyOf(children.getOrDefault(key(parent), List.of()));
    }

    /** The active path from the conversation's start to its last turn. */
    public List<MessageId> activePath() {
        List<MessageId> path = new ArrayList<>();
        for (MessageId next = activeChild(START); next != null; next = activeChild(next.value())) {
            path.add(next);
        }
        return path;
    }

    /** The last turn of the active path; empty for an empty conversation. */
    public Optional<MessageId> activeLeaf() {
        List<MessageId> path = activePath();
        return path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
    }

    /**
     * Makes {@code turn} active: every turn from the start to it becomes its parent's chosen child (a choice is kept
     * only where a parent has several children), below it the path follows the children chosen before (or the
     * newest). Returns the new choices and the path's new last turn.
     */
    public Activation activate(MessageId turn) {
        requireKnown(turn);
        Map<String, MessageId> next = new HashMap<>(choices);
        for (MessageId at = turn; at != null; ) {
            String key = parentKey.get(at);
            if (children.getOrDefault(key, List.of()).size() > 1) {
                next.put(key, at);
            } else {
                next.remove(key);
            }
            at = START.equals(key) ? null : MessageId.of(key);
        }
        ConversationTree chosen = new ConversationTree(Map.of(), next);
        chosen.parentKey.putAll(parentKey);
        chosen.children.putAll(children);
        return new Activation(Map.copyOf(next), chosen.activeLeaf().orElseThrow());
    }

    /** A tree with {@code turn} added under {@code parent} (null: the start), as a new turn is stored. */
    public ConversationTree with(MessageId turn, @Nullable MessageId parent) {
        Map<MessageId, TurnParent> ids = new LinkedHashMap<>();
        parentKey.forEach((id, key) -> ids.put(id, START.equals(key) ? TurnParent.ROOT
                : TurnParent.of(MessageId.of(key))));
        ids.put(turn, TurnParent.ofNullable(parent));
        return new ConversationTree(ids, choices);
    }

    private @Nullable MessageId activeChild(String key) {
        List<MessageId> options = children.get(key);
        if (options == null || options.isEmpty()) {
            return null;
        }
        MessageId chosen = choices.get(key);
        return chosen != null && options.contains(chosen) ? chosen : options.get(options.size() - 1);
    }

    private String requireKnown(MessageId turn) {
        String key = parentKey.get(turn);
        if (key == null) {
            throw new IllegalArgumentException("no turn " + turn.value() + " in this conversation");
        }
        return key;
    }

    /** The choices after an activation and the last turn of the active path they make. */
    public record Activation(Map<String, MessageId> choices, MessageId leaf) {
    }
}
