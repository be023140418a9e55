package io.tenantchat.api.session.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.session.config.SessionTableProperties;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class DynamoDbSessionRepositoryIntegrationTests {

    static DynoxideServer dynoxide;
    static DynamoDbSessionRepository repository;
    static DynamoDbClient client;

    static final TenantId T1 = TenantId.of("tenant-001");
    static final TenantId T2 = TenantId.of("tenant-002");
    static final UserId ALICE = UserId.of("alice");

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        repository = new DynamoDbSessionRepository(TenantDynamoDb.serviceCredentials(client),
                new SessionTableProperties("tenant-sessions", "tenant-messages"));
    }

    @AfterAll
    static void stop() {
        dynoxide.close();
    }

    @Test
    void leavesAnExpiredSessionOutOfEveryReadThoughTheItemIsStillThere() {
        TenantId tenant = TenantId.of("tenant-retention");
        UserId user = UserId.of("keeper");
        Instant now = Instant.now();
        ChatSession expired = ChatSession.start(tenant, user, SessionId.random(), now.minusSeconds(300));
        ChatSession live = ChatSession.start(tenant, user, SessionId.random(), now.minusSeconds(200));
        ChatSession forever = ChatSession.start(tenant, user, SessionId.random(), now.minusSeconds(100));
        for (ChatSession session : List.of(expired, live, forever)) {
            repository.create(session, 1000);
        }
        expireAt(expired, now.getEpochSecond() - 1);
        expireAt(live, now.getEpochSecond() + 3_600);

        assertThat(repository.find(tenant, user, expired.sessionId())).isEmpty();
        assertThat(repository.find(tenant, user, live.sessionId())).contains(live);
        assertThat(repository.listForUser(tenant, user, 10)).containsExactly(forever, live);
        assertThat(repository.listForTenant(tenant, new PageQuery(10, null)).sessions()).containsExactly(forever, live);
        assertThat(repository.rename(tenant, user, expired.sessionId(), new SessionTitle("late"))).isEmpty();
        assertThat(client.getItem(g -> g.tableName("tenant-sessions").consistentRead(true).key(Map.of("session_key",
                AttributeValue.fromS(expired.sessionKey())))).item()).as("DynamoDB deletes it later, not the read")
                .isNotEmpty();
    }

    private static void expireAt(ChatSession session, long epochSeconds) {
        client.updateItem(u -> u.tableName("tenant-sessions")
                .key(Map.of("session_key", AttributeValue.fromS(session.sessionKey())))
                .updateExpression("SET expires_at = :at")
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(epochSeconds)))));
    }

    @Test
    void storesAndFindsASessionByTenantUserAndId() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));

        repository.create(session, 1000);

        assertThat(repository.find(T1, ALICE, session.sessionId())).contains(session);
    }

    @Test
    void doesNotFindASessionUnderAnotherTenantOrUser() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.now());
        repository.create(session, 1000);

        assertThat(repository.find(T2, ALICE, session.sessionId())).isEmpty();
        assertThat(repository.find(T1, UserId.of("anna"), session.sessionId())).isEmpty();
    }

    @Test
    void listsTheUsersSessionsNewestFirstWithinTheTenantOnly() {
        UserId user = UserId.of("lister");
        ChatSession older = ChatSession.start(T1, user, SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));
        ChatSession newer = ChatSession.start(T1, user, SessionId.random(), Instant.parse("2026-11-29T12:05:00Z"));
        ChatSession otherTenant = ChatSession.start(T2, user, SessionId.random(), Instant.parse("2026-11-29T12:10:00Z"));
        repository.create(older, 1000);
        repository.create(newer, 1000);
        repository.create(otherTenant, 1000);

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
            repository.create(s, 1000);
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
        repository.create(ChatSession.start(tenant, ALICE, SessionId.random(), Instant.parse("2026-11-29T10:00:00Z")), 1000);
        repository.create(ChatSession.start(tenant, ALICE, SessionId.random(), Instant.parse("2026-11-29T11:00:00Z")), 1000);
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
        repository.create(session, 1000);

        assertThatThrownBy(() -> repository.create(session, 1000)).isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void renamesOnlyTheOwnersSessionAndKeepsItsOtherAttributes() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));
        repository.create(session, 1000);

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
        repository.create(session, 1000);

        assertThat(repository.delete(T2, ALICE, session.sessionId())).isFalse();
        assertThat(repository.delete(T1, UserId.of("anna"), session.sessionId())).isFalse();
        assertThat(repository.find(T1, ALICE, session.sessionId())).isPresent();

        assertThat(repository.delete(T1, ALICE, session.sessionId())).isTrue();
        assertThat(repository.find(T1, ALICE, session.sessionId())).isEmpty();
        assertThat(repository.delete(T1, ALICE, session.sessionId())).isFalse();
    }

    @Test
    void refusesASessionPastTheUsersCapAndWritesNothing() {
        UserId user = UserId.of("capped-" + UUID.randomUUID());
        List<ChatSession> kept = IntStream.range(0, 3)
                .mapToObj(i -> ChatSession.start(T1, user, SessionId.random(), Instant.now())).toList();
        kept.forEach(s -> assertThat(repository.create(s, 3)).isTrue());
        ChatSession oneTooMany = ChatSession.start(T1, user, SessionId.random(), Instant.now());

        assertThat(repository.create(oneTooMany, 3)).isFalse();

        assertThat(repository.find(T1, user, oneTooMany.sessionId())).isEmpty();
        assertThat(repository.listForUser(T1, user, 10)).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(repository.countForUser(T1, user)).isEqualTo(3);
    }

    @Test
    void deletingASessionMakesRoomForOneMore() {
        UserId user = UserId.of("freed-" + UUID.randomUUID());
        List<ChatSession> kept = IntStream.range(0, 2)
                .mapToObj(i -> ChatSession.start(T1, user, SessionId.random(), Instant.now())).toList();
        kept.forEach(s -> repository.create(s, 2));
        assertThat(repository.create(ChatSession.start(T1, user, SessionId.random(), Instant.now()), 2)).isFalse();

        assertThat(repository.delete(T1, user, kept.get(0).sessionId())).isTrue();
        assertThat(repository.countForUser(T1, user)).isEqualTo(1);
        assertThat(repository.delete(T1, user, kept.get(0).sessionId())).as("deleted once only").isFalse();
        assertThat(repository.countForUser(T1, user)).isEqualTo(1);

        assertThat(repository.create(ChatSession.start(T1, user, SessionId.random(), Instant.now()), 2)).isTrue();
        assertThat(repository.create(ChatSession.start(T1, user, SessionId.random(), Instant.now()), 2)).isFalse();
    }

    @Test
    void concurrentCreatesNeverTakeAUserPastTheCap() throws Exception {
        UserId user = UserId.of("racer-" + UUID.randomUUID());
        int cap = 5;
        int attempts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                created.add(pool.submit(() -> {
                    start.await();
                    return repository.create(ChatSession.start(T1, user, SessionId.random(), Instant.now()), cap);
                }));
            }
            start.countDown();
            long accepted = 0;
            for (Future<Boolean> f : created) {
                accepted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(accepted).isEqualTo(cap);
            assertThat(repository.listForUser(T1, user, 100)).hasSize(cap);
            assertThat(repository.countForUser(T1, user)).isEqualTo(cap);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherUsersOrAnotherTenantsSessionsDoNotCountTowardsTheCap() {
        TenantId acme = TenantId.of("acme");
        TenantId acmeCorp = TenantId.of("acme-corp");
        UserId user = UserId.of("shared-name");
        assertThat(repository.create(ChatSession.start(acme, user, SessionId.random(), Instant.now()), 1)).isTrue();
        assertThat(repository.create(ChatSession.start(acme, user, SessionId.random(), Instant.now()), 1)).isFalse();

        assertThat(repository.create(ChatSession.start(acmeCorp, user, SessionId.random(), Instant.now()), 1)).isTrue();
        assertThat(repository.create(ChatSession.start(acme, UserId.of("shared"), SessionId.random(), Instant.now()), 1))
                .isTrue();
        assertThat(repository.create(ChatSession.start(acme, UserId.of("shared-name2"), SessionId.random(),
                Instant.now()), 1)).isTrue();
        assertThat(repository.countForUser(acme, user)).isEqualTo(1);
        assertThat(repository.countForUser(acmeCorp, user)).isEqualTo(1);
    }

    @Test
    void theCounterNeverAppearsAsASessionInAnyListing() {
        TenantId tenant = TenantId.of("tenant-counter-" + UUID.randomUUID().toString().substring(0, 8));
        ChatSession session = ChatSession.start(tenant, ALICE, SessionId.random(), Instant.now());
        repository.create(session, 10);

        assertThat(repository.listForUser(tenant, ALICE, 10)).containsExactly(session);
        assertThat(repository.listForTenant(tenant, PageQuery.first(10)).sessions()).containsExactly(session);
    }

    @Test
    void deletingASessionStoredBeforeTheCounterLeavesTheCounterAlone() {
        UserId user = UserId.of("legacy-" + UUID.randomUUID());
        SessionId legacy = SessionId.random();
        client.putItem(p -> p.tableName("tenant-sessions").item(Map.of(
                "session_key", AttributeValue.fromS(ChatSession.keyOf(T1, user, legacy)),
                "tenant_id", AttributeValue.fromS(T1.value()), "user_id", AttributeValue.fromS(user.value()),
                "session_id", AttributeValue.fromS(legacy.value()),
                "tenant_user", AttributeValue.fromS(T1.value() + "#" + user.value()),
                "created_at", AttributeValue.fromS("2026-01-01T00:00:00Z"),
                "last_activity", AttributeValue.fromS("2026-01-01T00:00:00Z"))));
        repository.create(ChatSession.start(T1, user, SessionId.random(), Instant.now()), 10);

        assertThat(repository.delete(T2, user, legacy)).isFalse();
        assertThat(repository.delete(T1, user, legacy)).isTrue();
        assertThat(repository.find(T1, user, legacy)).isEmpty();
        assertThat(repository.countForUser(T1, user)).as("the counted session is still counted").isEqualTo(1);
    }
}
