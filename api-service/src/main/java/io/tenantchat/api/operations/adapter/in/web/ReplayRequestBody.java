package io.tenantchat.api.operations.adapter.in.web;

import java.util.List;

/**
 * {@code POST /api/admin/queues/{queue}/dead-letters/replay}: every field optional. {@code from}/{@code to} are
 * ISO-8601 instants on when a letter reached the dead-letter queue; {@code limit} caps the letters examined.
 */
record ReplayRequestBody(String tenantId, String sessionId, List<String> messageIds, String from, String to,
        Integer limit, Boolean dryRun) {
}
