package io.tenantchat.api.erasure.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The certificate's counters: what a job removed per table and queue (or, for usage, rewrote). Each is stored on
 * the job item and raised together with the work it counts where that work is a DynamoDB write (docs/runbook.md
 * "Erasure").
 */
public final class Counts {

    public static final String SESSIONS = "sessions";
    public static final String MESSAGES = "messages";
    public static final String LOOKUPS = "lookups";
    public static final String IDEMPOTENCY_ITEMS = "idempotency_items";
    public static final String SESSION_COUNTERS = "session_counters";
    public static final String API_KEYS = "api_keys";
    public static final String REDIS_KEYS = "redis_keys";
    public static final String DEAD_LETTERS = "dead_letters";
    public static final String USAGE_ROWS = "usage_rows_pseudonymized";
    public static final String ROLLUP_ITEMS = "rollup_items_moved";
    public static final String TENANT_ITEMS = "tenant_items";

    public static final List<String> ALL = List.of(SESSIONS, MESSAGES, LOOKUPS, IDEMPOTENCY_ITEMS, SESSION_COUNTERS,
            API_KEYS, REDIS_KEYS, DEAD_LETTERS, USAGE_ROWS, ROLLUP_ITEMS, TENANT_ITEMS);

    private Counts() {
    }

    /** Every counter, 0 where {@code counts} has none. */
    public static Map<String, Long> complete(Map<String, Long> counts) {
        Map<String, Long> all = new TreeMap<>();
        ALL.forEach(name -> all.put(name, counts.getOrDefault(name, 0L)));
        return all;
    }
}
