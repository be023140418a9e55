/** WebSocket {@code /ws}: authentication by ID token, subscribe frames, server events as JSON text frames. */
package io.tenantchat.api.stream.adapter.in.ws;
