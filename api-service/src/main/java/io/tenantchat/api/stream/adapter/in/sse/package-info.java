/** {@code GET /api/chat/{message_id}/events}: one reply as Server-Sent Events, resumable with Last-Event-ID. */
@NullMarked
package io.tenantchat.api.stream.adapter.in.sse;

import org.jspecify.annotations.NullMarked;
