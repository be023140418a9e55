/** WebSocket {@code /ws}: authentication by ID token, subscribe frames, server events as JSON text frames. */
@NullMarked
package io.tenantchat.api.stream.adapter.in.ws;

import org.jspecify.annotations.NullMarked;
