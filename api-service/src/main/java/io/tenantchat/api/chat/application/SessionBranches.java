package io.tenantchat.api.chat.application;

import io.tenantchat.shared.MessageId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a session stores of its branches (docs/adr/006-conversation-branches.md): the last turn of its active path
 * ({@code active_leaf}, null while it never branched), the chosen child per parent ({@code active_children}) and a
 * version that every branch or switch raises ({@code tree_version}, 0 before the first).
 */
public record SessionBranches(@Nullable MessageId activeLeafOrNull, Map<String, MessageId> choices, long version) {

    public static final SessionBranches LINEAR = new SessionBranches(null, Map.of(), 0);

    public SessionBranches {
        choices = Map.copyOf(choices);
    }

    /** Whether the session ever branched; until then every turn follows the previous one. */
    public boolean branched() {
        return activeLeafOrNull != null;
    }
}
