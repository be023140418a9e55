package io.tenantchat.api.session.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.config.TableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.session.application.PageQuery;
import io.tenantchat.api.session.application.SessionPage;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.session.domain.SessionTitle;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class DynamoDbSessionRepositoryIntegrationTests {

    static DynoxideServer dynoxide;
    static DynamoDbSessionRepository repository;

    static final TenantId T1 = TenantId.of("tenant-001");
    static final TenantId T2 = TenantId.of("tenant-002");
    static final UserId ALICE = UserId.of("alice");

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        DynamoDbClient client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        repository = new DynamoDbSessionRepository(TenantDynamoDb.serviceCredentials(client),
                new TableProperties("tenant-sessions", "tenant-messages"));
    }

    @AfterAll
    static void stop() {
        dynoxide.close();
    }

    @Test
    void storesAndFindsASessionByTenantUserAndId() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));

        repository.create(session);

        assertThat(repository.find(T1, ALICE, session.sessionId())).contains(session);
    }

    @Test
    void doesNotFindASessionUnderAnotherTenantOrUser() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.now());
        repository.create(session);

        assertThat(repository.find(T2, ALICE, session.sessionId())).isEmpty();
        assertThat(repository.find(T1, UserId.of("anna"), session.sessionId())).isEmpty();
    }

    @Test
    void listsTheUsersSessionsNewestFirstWithinTheTenantOnly() {
        UserId user = UserId.of("lister");
        ChatSession older = ChatSession.start(T1, user, SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));
        ChatSession newer = ChatSession.start(T1, user, SessionId.random(), Instant.parse("2026-11-29T12:05:00Z"));
        ChatSession otherTenant = ChatSession.start(T2, user, SessionId.random(), Instant.parse("2026-11-29T12:10:00Z"));
        repository.create(older);
        repository.create(newer);
        repository.create(otherTenant);

        assertThat(repository.listForUser(T1, user, 10)).containsExactly(newer, older);
        assertThat(repository.listForUser(T1, user, 1)).containsExactly(newer);
    }

    @Test
    void pagesThroughTheTenantsSessionsNewestFirstWithinTheTenantOnly() {
        TenantId tenant = TenantId.of("tenant-paged");
        ChatSession oldest = ChatSession.start(tenant, ALICE, SessionId.random(), Instant.parse("2026-11-29T10:00:00Z"));
        ChatSession middle = ChatSession.start(tenant, UserId.of("anna"), SessionId.random(), Instant.parse("2026-11-29T11:00:00Z"));
        ChatSession newest = ChatSession.start(tenant, ALICE, SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));
        ChatSession otherTenant = ChatSession.start(TenantId.of("tenant-paged2"), ALICE, SessionId.random(),
                Instant.parse("2026-11-29T11:30:00Z"));
        for (ChatSession s : new ChatSession[] {oldest, middle, newest, otherTenant}) {
            repository.create(s);
        }

        SessionPage first = repository.listForTenant(tenant, PageQuery.first(2));
        SessionPage second = repository.listForTenant(tenant, new PageQuery(2, first.nextCursorOrNull()));

        assertThat(first.sessions()).containsExactly(newest, middle);
        assertThat(second.sessions()).containsExactly(oldest);
        assertThat(repository.listForTenant(TenantId.of("tenant-paged2"), PageQuery.first(10)).sessions())
                .containsExactly(otherTenant);
    }

    @Test
    void refusesACursorHandedOutForAnotherTenant() {
        TenantId tenant = TenantId.of("tenant-cursor");
        repository.create(ChatSession.start(tenant, ALICE, SessionId.random(), Instant.parse("2026-11-29T10:00:00Z")));
        repository.create(ChatSession.start(tenant, ALICE, SessionId.random(), Instant.parse("2026-11-29T11:00:00Z")));
        String cursor = repository.listForTenant(tenant, PageQuery.first(1)).nextCursorOrNull();

        assertThat(cursor).isNotNull();
        assertThatThrownBy(() -> repository.listForTenant(T2, new PageQuery(1, cursor)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> repository.listForTenant(T2, new PageQuery(1, "not base64 !")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void neverOverwritesAnExistingSession() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.now());
        repository.create(session);

        assertThatThrownBy(() -> repository.create(session)).isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void renamesOnlyTheOwnersSessionAndKeepsItsOtherAttributes() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));
        repository.create(session);

        assertThat(repository.rename(T2, ALICE, session.sessionId(), new SessionTitle("stolen"))).isEmpty();
        assertThat(repository.rename(T1, UserId.of("anna"), session.sessionId(), new SessionTitle("stolen"))).isEmpty();
        assertThat(repository.rename(T1, ALICE, SessionId.random(), new SessionTitle("nowhere"))).isEmpty();
        assertThat(repository.rename(T1, ALICE, session.sessionId(), new SessionTitle("Plans")))
                .contains(session.withTitle(new SessionTitle("Plans")));

        assertThat(repository.find(T1, ALICE, session.sessionId())).contains(session.withTitle(new SessionTitle("Plans")));
    }

    @Test
    void deletesOnlyTheOwnersSession() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.now());
        repository.create(session);

        assertThat(repository.delete(T2, ALICE, session.sessionId())).isFalse();
        assertThat(repository.delete(T1, UserId.of("anna"), session.sessionId())).isFalse();
        assertThat(repository.find(T1, ALICE, session.sessionId())).isPresent();

        assertThat(repository.delete(T1, ALICE, session.sessionId())).isTrue();
        assertThat(repository.find(T1, ALICE, session.sessionId())).isEmpty();
        assertThat(repository.delete(T1, ALICE, session.sessionId())).isFalse();
    }
}
