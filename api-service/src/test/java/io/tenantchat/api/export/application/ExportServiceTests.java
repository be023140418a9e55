package io.tenantchat.api.export.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.application.PageQuery;
import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.support.InMemoryAuditTrail;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.InMemorySessionRepository;
import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.api.usage.domain.UsageFigures;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportServiceTests {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final Caller ALICE = new Caller(ACME, UserId.of("alice"), Set.of());
    static final Caller ANNA = new Caller(ACME, UserId.of("anna"), Set.of());
    static final Caller ACME_ADMIN = new Caller(ACME, UserId.of("root"), Set.of(Caller.TENANT_ADMIN));
    static final Caller GLOBEX_ADMIN = new Caller(GLOBEX, UserId.of("root"), Set.of(Caller.TENANT_ADMIN));
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final List<String> events = new ArrayList<>();
    final InMemorySessionRepository stored = new InMemorySessionRepository();
    final InMemoryMessageStore messages = new InMemoryMessageStore();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ExportService service = new ExportService(new LoggingSessions(), messages, (tenant, granularity, from, to) ->
            List.of(new RollupRow("2026-12", "total", new UsageFigures(2, 10, 20, 0, 0, 5, 0)),
                    new RollupRow("2026-12", "total", new UsageFigures(1, 1, 2, 0, 0, 1, 0))),
            audit.recorder(clock));

    /** Records each page read, so the test sees reads and writes interleave. */
    final class LoggingSessions implements io.tenantchat.api.session.application.SessionRepository {
        @Override
        public boolean create(ChatSession session, int max) {
            return stored.create(session, max);
        }

        @Override
        public boolean createUncounted(ChatSession session) {
            return stored.createUncounted(session);
        }

        @Override
        public java.util.Optional<ChatSession> find(TenantId t, UserId u, SessionId s) {
            return stored.find(t, u, s);
        }

        @Override
        public java.util.Optional<ChatSession> rename(TenantId t, UserId u, SessionId s,
                io.tenantchat.api.session.domain.SessionTitle title) {
            return stored.rename(t, u, s, title);
        }

        @Override
        public boolean delete(TenantId t, UserId u, SessionId s) {
            return stored.delete(t, u, s);
        }

        @Override
        public List<ChatSession> listForUser(TenantId t, UserId u, int limit) {
            return stored.listForUser(t, u, limit);
        }

        @Override
        public SessionPage listForTenant(TenantId t, PageQuery page) {
            events.add("read sessions page");
            return stored.listForTenant(t, page);
        }
    }

    /** Records what is written. */
    final class RecordingSink implements ExportSink {
        final List<ChatSession> sessions = new ArrayList<>();
        final List<Exchange> exchanges = new ArrayList<>();
        final List<RollupRow> usage = new ArrayList<>();

        @Override
        public void session(ChatSession session) {
            sessions.add(session);
            events.add("wrote session");
        }

        @Override
        public void exchange(Exchange exchange) {
            exchanges.add(exchange);
        }

        @Override
        public void usage(RollupRow row) {
            usage.add(row);
        }

        @Override
        public void flush() {
            events.add("flush");
        }
    }

    ChatSession session(TenantId tenant, String user, int minute) {
        ChatSession session = ChatSession.start(tenant, UserId.of(user), SessionId.random(), T0.plusSeconds(60L * minute));
        stored.create(session, 10_000);
        return session;
    }

    void messages(ChatSession session, int count) {
        for (int i = 0; i < count; i++) {
            messages.saveQueued(ChatMessage.queued(session.tenantId(), session.sessionId(), session.userId(),
                    MessageId.next(clock), "message " + i, T0));
        }
    }

    @Test
    void exportsTheOwnersSessionWithEveryMessageInOrderPageByPage() throws Exception {
        ChatSession mine = session(ACME, "alice", 0);
        messages(mine, ExportService.EXCHANGES_PER_PAGE + 50);
        messages(session(ACME, "alice", 1), 3);
        RecordingSink sink = new RecordingSink();

        service.session(ALICE, mine.sessionId().value()).writeTo(sink);

        assertThat(sink.sessions).containsExactly(mine);
        assertThat(sink.exchanges).hasSize(ExportService.EXCHANGES_PER_PAGE + 50)
                .allMatch(e -> e.message().sessionId().equals(mine.sessionId()));
        assertThat(sink.exchanges).extracting(e -> e.message().messageId().value()).isSorted();
        assertThat(events).filteredOn("flush"::equals).hasSize(2);
        assertThat(audit.entries(ACME)).as("a user's own session export is not an administrative action").isEmpty();
    }

    @Test
    void refusesAnotherUsersSessionAndAMalformedId() {
        ChatSession alices = session(ACME, "alice", 0);

        assertThatThrownBy(() -> service.session(ANNA, alices.sessionId().value())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.session(ALICE, "not-a-session")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void exportsEveryOwnSessionMessageAndMonthlyUsageReadingPageAfterPageAndRecordsIt() throws Exception {
        int count = PageQuery.MAX_LIMIT + 5;
        for (int i = 0; i < count; i++) {
            messages(session(ACME, i % 2 == 0 ? "alice" : "anna", i), 1);
        }
        messages(session(GLOBEX, "bob", 0), 2);
        RecordingSink sink = new RecordingSink();

        service.tenant(ACME_ADMIN, "acme").writeTo(sink);

        assertThat(sink.sessions).hasSize(count).allMatch(s -> s.tenantId().equals(ACME));
        assertThat(sink.exchanges).hasSize(count).allMatch(e -> e.message().tenantId().equals(ACME));
        assertThat(sink.usage).as("shards summed").containsExactly(new RollupRow("2026-12", "total",
                new UsageFigures(3, 11, 22, 0, 0, 6, 0)));
        // the first page is written (and flushed) before the second is read: never the whole tenant in memory
        assertThat(events.indexOf("wrote session")).isLessThan(events.lastIndexOf("read sessions page"));
        assertThat(events).filteredOn("read sessions page"::equals).hasSize(2);
        assertThat(audit.entries(ACME)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("export.tenant");
            assertThat(entry.actor()).isEqualTo("acme/root");
        });
    }

    @Test
    void refusesATenantExportToAnotherTenantsAdminAndToAMemberAndRecordsNothing() {
        assertThatThrownBy(() -> service.tenant(GLOBEX_ADMIN, "acme")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.tenant(ALICE, "acme")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.tenant(ACME_ADMIN, "acme#x")).isInstanceOf(InvalidRequestException.class);

        assertThat(audit.entries(ACME)).isEmpty();
    }
}
