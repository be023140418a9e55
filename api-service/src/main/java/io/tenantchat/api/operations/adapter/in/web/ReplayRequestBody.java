package io.tenantchat.api.operations.adapter.in.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/admin/queues/{queue}/dead-letters/replay}: every field optional. {@code from}/{@code to} are
 * ISO-8601 instants on when a letter reached the dead-letter queue; {@code limit} caps the letters examined.
 */
record ReplayRequestBody(@Nullable String tenantId, @Nullable String sessionId, @Nullable List<String> messageIds,
        @Nullable String from, @Nullable String to, @Nullable Integer limit, @Nullable Boolean dryRun) {
}
