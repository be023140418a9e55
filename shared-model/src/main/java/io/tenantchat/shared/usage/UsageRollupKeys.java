package io.tenantchat.shared.usage;

import io.tenantchat.shared.TenantId;
import java.util.List;

/**
 * Layout of the usage rollups table (written by usage-aggregator, which counts, and api-service, whose erasure moves a
 * user's items to a pseudonym's; read by both). A rollup item is
 * {@code pk = <tenant>#<granularity>#<shard>}, {@code sk = <bucket>#<dimension>}, where the dimension is
 * {@code total}, {@code model#<model id>} or {@code user#<user id>}. Rollups of a tenant are spread over a fixed
 * number of shards so one busy tenant does not exceed one partition's write limit (docs/adr).
 */
public final class UsageRollupKeys {

    public static final String TOTAL = "total";

    /**
     * The counters of a rollup item, each {@code ADD}ed by every counted event. Whatever reads, re-computes or moves a
     * rollup item covers every one of them, so one added here reaches them all.
     */
    public static final List<String> COUNTERS = List.of("invocations", "input_tokens", "output_tokens",
            "cache_read_input_tokens", "cache_write_input_tokens", "cost_nanos", "unknown_usage");

    private UsageRollupKeys() {
    }

    public static String partition(TenantId tenantId, Granularity granularity, int shard) {
        return tenantId.value() + "#" + granularity.wireValue() + "#" + shard;
    }

    public static String sort(String bucket, String dimension) {
        return bucket + "#" + dimension;
    }

    public static String model(String modelId) {
        return "model#" + modelId;
    }

    public static String user(String userId) {
        return "user#" + userId;
    }

    /** The marker that records an event as counted: {@code pk = <tenant>#event#<event id>}. */
    public static String eventMarker(TenantId tenantId, String eventId) {
        return tenantId.value() + "#event#" + eventId;
    }

    /** A stable shard for an event, in {@code [0, shards)}. */
    public static int shardOf(String eventId, int shards) {
        return Math.floorMod(eventId.hashCode(), shards);
    }
}
