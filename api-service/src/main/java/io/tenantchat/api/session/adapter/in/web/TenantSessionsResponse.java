package io.tenantchat.api.session.adapter.in.web;

import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.shared.TenantId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/tenants/{tenantId}/sessions}: one page of the tenant's sessions, newest first. */
record TenantSessionsResponse(String tenantId, List<SessionResponse> sessions, @Nullable String nextCursor) {

    static TenantSessionsResponse of(TenantId tenantId, SessionPage page) {
        return new TenantSessionsResponse(tenantId.value(), page.sessions().stream().map(SessionResponse::of).toList(),
                page.nextCursorOrNull());
    }
}
