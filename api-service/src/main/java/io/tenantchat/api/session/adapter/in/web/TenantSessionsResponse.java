package io.tenantchat.api.session.adapter.in.web;

import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.shared.TenantId;
import java.util.List;

/** {@code GET /api/tenants/{tenantId}/sessions}: one page of the tenant's sessions, newest first. */
record TenantSessionsResponse(String tenantId, List<SessionResponse> sessions, String nextCursor) {

    static TenantSessionsResponse of(TenantId tenantId, SessionPage page) {
        return new TenantSessionsResponse(tenantId.value(), page.sessions().stream().map(SessionResponse::of).toList(),
                page.nextCursorOrNull());
    }
}
