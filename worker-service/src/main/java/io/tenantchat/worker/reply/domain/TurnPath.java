package io.tenantchat.worker.reply.domain;

import io.tenantchat.shared.MessageId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Picks, from a conversation's items read newest first, the turns on the path that leads to the current turn: its
 * parent, the parent's parent and so on (docs/adr/006-conversation-branches.md). Siblings (regenerations, edits) and
 * their subtrees are skipped. A turn names its parent in {@code parent_message_id}; {@value #ROOT} there means it
 * starts the conversation; a turn without the attribute (stored before the session branched) follows the previous
 * turn without one, the linear conversation of old. Items arrive newest first, so a reply ({@code <id>#2}) comes
 * just before its user message ({@code <id>#1}).
 */
public final class TurnPath {

    /** The value of {@code parent_message_id} of a turn that starts its conversation. */
    public static final String ROOT = "root";

    private final MessageId current;
    private final List<StoredMessage> newestFirst = new ArrayList<>();
    private boolean currentSeen;
    /** Explicit parent wanted next, or null: the next turn without a parent attribute (linear). */
    private @Nullable MessageId wanted;
    private boolean ended;
    private @Nullable StoredMessage reply;
    private long chars;

    public TurnPath(MessageId current) {
        this.current = current;
    }

    /**
     * Offers the next item, newest first.
     *
     * @param parent the item's {@code parent_message_id} (user messages only; null when absent)
     */
    public void offer(StoredMessage item, @Nullable String parent) {
        if (ended) {
            return;
        }
        if (!currentSeen) {
            currentSeen = true;
            if (item.role() == Role.USER && item.messageId().equals(current)) {
                follow(parent);
                return;
            }
            // the current message is not stored (erased): its history is the linear one
        }
        if (item.role() == Role.ASSISTANT) {
            reply = item;
            return;
        }
        boolean onPath = wanted == null ? parent == null : item.messageId().equals(wanted);
        if (onPath) {
            if (reply != null && reply.messageId().equals(item.messageId())) {
                newestFirst.add(reply);
                chars += reply.content().length();
            }
            newestFirst.add(item);
            chars += item.content().length();
            follow(parent);
        }
        reply = null;
    }

    private void follow(@Nullable String parent) {
        if (ROOT.equals(parent)) {
            ended = true;
        } else {
            wanted = parent == null ? null : MessageId.of(parent);
        }
    }

    /** True once the path reached the start of the conversation: no older item can be on it. */
    public boolean ended() {
        return ended;
    }

    /** Messages on the path so far. */
    public int size() {
        return newestFirst.size();
    }

    /** Characters of the messages on the path so far. */
    public long chars() {
        return chars;
    }

    /** The path in conversation order (oldest first). */
    public List<StoredMessage> inOrder() {
        return List.copyOf(newestFirst.reversed());
    }
}
