package io.tenantchat.api.operations.domain;

import java.util.Locale;

/** What a replay did with one dead letter. */
public enum ReplayOutcome {
    /** Sent back to its work queue and deleted from the dead-letter queue. */
    MOVED,
    /** Needs no replay (e.g. its message has a reply by now): deleted from the dead-letter queue. */
    SKIPPED,
    /** Could not be replayed (unreadable, its message is gone, or a send failed): left in the dead-letter queue. */
    FAILED,
    /** Dry run: would be sent back. */
    WOULD_MOVE,
    /** Dry run: would be deleted as needing no replay. */
    WOULD_SKIP,
    /** Dry run: would be left in the dead-letter queue. */
    WOULD_FAIL;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ReplayOutcome dryRun() {
        return switch (this) {
            case MOVED, WOULD_MOVE -> WOULD_MOVE;
            case SKIPPED, WOULD_SKIP -> WOULD_SKIP;
            case FAILED, WOULD_FAIL -> WOULD_FAIL;
        };
    }
}
