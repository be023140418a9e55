package io.tenantchat.api.session.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.config.TableProperties;
import io.tenantchat.api.session.domain.ChatSession;
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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
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
        repository = new DynamoDbSessionRepository(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(),
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
    void neverOverwritesAnExistingSession() {
        ChatSession session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.now());
        repository.create(session);

        assertThatThrownBy(() -> repository.create(session)).isInstanceOf(ConditionalCheckFailedException.class);
    }
}
