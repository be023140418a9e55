package io.tenantchat.api.export.application;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.application.MessageStore;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.application.PageQuery;
import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.api.session.application.SessionRepository;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.usage.application.UsageRollupReader;
import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an export page by page while it is written: sessions {@value #SESSIONS_PER_PAGE} at a time (the tenant's
 * index, newest first), each conversation {@value #EXCHANGES_PER_PAGE} messages at a time, then the tenant's
 * monthly rollups. Memory holds one page, whatever the tenant's size.
 */
public final class ExportService implements ExportDataUseCase {

    static final int SESSIONS_PER_PAGE = PageQuery.MAX_LIMIT;
    static final int EXCHANGES_PER_PAGE = ConversationPage.MAX_LIMIT;

    private final SessionRepository sessions;
    private final MessageStore messages;
    private final UsageRollupReader usage;
    private final AuditRecorder audit;

    public ExportService(SessionRepository sessions, MessageStore messages, UsageRollupReader usage,
            AuditRecorder audit) {
        this.sessions = sessions;
        this.messages = messages;
        this.usage = usage;
        this.audit = audit;
    }

    @Override
    public Export session(Caller caller, String sessionId) {
        if (!SessionId.isValid(sessionId)) {
            throw new InvalidRequestException("invalid_session_id", "not a session id");
        }
        ChatSession session = sessions.find(caller.tenantId(), caller.userId(), SessionId.of(sessionId))
                .orElseThrow(() -> new NotFoundException("session_not_found", "no such session"));
        return sink -> {
            sink.session(session);
            conversation(session, sink);
        };
    }

    @Override
    public Export tenant(Caller caller, String tenantId) {
        TenantId tenant = ownTenantAsAdmin(caller, tenantId);
        // recorded before the first byte: an export that breaks off half-way was still taken (in part)
        audit.record(audit.event(caller, tenant, "export.tenant", "tenant", Map.of(),
                Map.of("format", "ndjson", "contents", "sessions,messages,usage")));
        return sink -> {
            String cursor = null;
            do {
                SessionPage page = sessions.listForTenant(tenant, new PageQuery(SESSIONS_PER_PAGE, cursor));
                for (ChatSession session : page.sessions()) {
                    sink.session(session);
                    conversation(session, sink);
                }
                sink.flush();
                cursor = page.nextCursorOrNull();
            } while (cursor != null);
            for (RollupRow row : monthlyUsage(tenant).values()) {
                sink.usage(row);
            }
            sink.flush();
        };
    }

    private void conversation(ChatSession session, ExportSink sink) throws IOException {
        @Nullable MessageId after = null;
        do {
            ConversationPage page = messages.conversationPage(session.tenantId(), session.sessionId(), after,
                    EXCHANGES_PER_PAGE);
            for (Exchange exchange : page.exchanges()) {
                sink.exchange(exchange);
            }
            sink.flush();
            after = page.nextCursorOrNull();
        } while (after != null);
    }

    /** Each month and dimension once, its shards summed. */
    private Map<String, RollupRow> monthlyUsage(TenantId tenant) {
        Map<String, RollupRow> rows = new LinkedHashMap<>();
        for (RollupRow row : usage.read(tenant, Granularity.MONTH, "0000-01", "9999-12")) {
            rows.merge(row.bucket() + "#" + row.dimension(), row,
                    (a, b) -> new RollupRow(a.bucket(), a.dimension(), a.figures().plus(b.figures())));
        }
        return rows;
    }

    private static TenantId ownTenantAsAdmin(Caller caller, String tenantId) {
        if (!TenantId.isValid(tenantId)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        if (!caller.isTenantAdmin()) {
            throw new ForbiddenException("tenant_admin_required", "only a tenant-admin exports the tenant's data");
        }
        TenantId tenant = TenantId.of(tenantId);
        if (!tenant.equals(caller.tenantId())) {
            throw new ForbiddenException("tenant_mismatch", "the tenant in the path does not match the token");
        }
        return tenant;
    }
}
