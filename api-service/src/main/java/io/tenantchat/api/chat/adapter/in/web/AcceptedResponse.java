package io.tenantchat.api.chat.adapter.in.web;

/** 202 body: where to poll for the reply. */
record AcceptedResponse(String messageId, String sessionId, String status) {
}
