/**
 * Reply streaming to clients: a WebSocket per client, replay of stored replies after a cursor, then live events
 * of the worker (Redis pub/sub across instances), de-duplicated so no text is shown twice.
 */
@NullMarked
package io.tenantchat.api.stream;

import org.jspecify.annotations.NullMarked;
