/** REST endpoints for chat: {@code POST /api/chat}, {@code GET /api/chat/{id}}, the session's messages. */
package io.tenantchat.api.chat.adapter.in.web;
