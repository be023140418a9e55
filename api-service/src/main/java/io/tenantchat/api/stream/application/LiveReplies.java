package io.tenantchat.api.stream.application;

import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.StreamEvent;

/**
 * Out-port: the live reply events of one session (the worker's, through Redis pub/sub), or, on a single instance
 * without Redis, this instance's own signals.
 */
public interface LiveReplies {

    /**
     * Delivers every event published for the session from now on to {@code listener}, in publication order, and
     * tells it when events may have been missed (a dropped connection, once it is back). Returns only once the
     * subscription is active, so a read made afterwards cannot miss an event.
     */
    Subscription subscribe(TenantId tenantId, SessionId sessionId, Listener listener);

    /**
     * Whether the worker's events (deltas, completions, failures) arrive here. Without them a subscriber learns of
     * a finished reply only by reading the stored messages while one of its replies is pending.
     */
    boolean carriesWorkerEvents();

    /** What a subscriber hears. Both methods may be called on an I/O thread: they must return at once. */
    interface Listener {

        /** A live event of the session. */
        void event(StreamEvent event);

        /**
         * The stored messages of the session may have changed without an event here: a dropped connection is
         * back (events in between are lost), or, without worker events, a message of the session was accepted.
         * Read them once.
         */
        void changed();
    }
}
