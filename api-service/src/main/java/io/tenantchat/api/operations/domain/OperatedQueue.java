package io.tenantchat.api.operations.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A work queue with a dead-letter queue that operators inspect and replay. */
public enum OperatedQueue {
    /** {@code chat-requests.fifo} and {@code chat-requests-dlq.fifo}: chat jobs, tenant-scoped message groups. */
    CHAT_REQUESTS(true),
    /** {@code usage-events} and {@code usage-events-dlq}: ModelInvoked events in their EventBridge envelope. */
    USAGE_EVENTS(false);

    private final boolean fifo;

    OperatedQueue(boolean fifo) {
        this.fifo = fifo;
    }

    public boolean fifo() {
        return fifo;
    }

    /** As in paths and answers: {@code chat-requests}, {@code usage-events}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<OperatedQueue> fromWireName(String name) {
        return Arrays.stream(values()).filter(q -> q.wireName().equals(name)).findFirst();
    }
}
