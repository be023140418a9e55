package io.tenantchat.api.chat.application;

import io.tenantchat.shared.MessageId;
import java.util.Map;

/**
 * How a new turn changes its session's branches, written in the same transaction as the turn, each on a condition
 * that the branches are still as they were read ({@link BranchesMovedException} when not).
 */
public sealed interface TurnPlacement {

    /** A turn of a session that never branched: on condition it still has not ({@code active_leaf} absent). */
    TurnPlacement LINEAR = new Linear();

    record Linear() implements TurnPlacement {
    }

    /** A turn after the active path's last turn {@code leaf}, which it becomes: on condition it still is the last. */
    record AfterLeaf(MessageId leaf) implements TurnPlacement {
    }

    /**
     * A regeneration or edit: it becomes the last turn of the active path, with the new {@code choices}, on condition
     * the session's branches are still at {@code expectedVersion} (0: never branched).
     */
    record Branch(Map<String, MessageId> choices, long expectedVersion) implements TurnPlacement {

        public Branch {
            choices = Map.copyOf(choices);
        }
    }
}
