package io.tenantchat.api.session.adapter.in.web;

import java.util.List;

/** The caller's sessions, newest first. */
record SessionListResponse(List<SessionResponse> sessions) {
}
