/** REST endpoints for chat: {@code POST /api/chat}, {@code GET /api/chat/{id}}, the session's messages. */
@NullMarked
package io.tenantchat.api.chat.adapter.in.web;

import org.jspecify.annotations.NullMarked;
