package io.tenantchat.api.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.application.BranchesMovedException;
import io.tenantchat.api.chat.application.SessionBranches;
import io.tenantchat.api.chat.application.TurnPlacement;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.ConversationTree;
import io.tenantchat.api.chat.domain.TurnParent;
import io.tenantchat.api.chat.config.TableProperties;
import io.tenantchat.api.tenant.config.TenantProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.tenant.adapter.out.dynamodb.QuotaClaimWrites;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The session's branches as the turn's transaction and a switch write them (docs/adr/006-conversation-branches.md),
 * against dynoxide: every placement on condition the branches are as read, a refusal writes nothing.
 */
class DynamoDbTurnPlacementIntegrationTests {

    static final TenantId T1 = TenantId.of("tenant-001");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final TableNames TABLES = TableNames.defaults();

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbMessageIntake intake;
    static DynamoDbMessageStore store;

    ChatSession session;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TABLES);
        TenantDynamoDb dynamo = TenantDynamoDb.serviceCredentials(client);
        TableProperties tables = new TableProperties(TABLES.sessions(), TABLES.messages());
        TenantProperties tenants = new TenantProperties(TABLES.tenants(), "refuse", null,
                Map.of("basic", new TenantProperties.Tier(50, 1_000, 1, 200_000, 1, 2)),
                new TenantProperties.Reserve(1_000, 4, 0),
                new TenantProperties.RefusalHint(true, Duration.ofMillis(300), Duration.ofSeconds(5)));
        intake = new DynamoDbMessageIntake(dynamo, tables, new QuotaClaimWrites(dynamo, tenants), Clock.systemUTC(), 1);
        store = new DynamoDbMessageStore(dynamo, tables, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        client.close();
        dynoxide.close();
    }

    @BeforeEach
    void newSession() {
        session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.now());
        client.putItem(p -> p.tableName(TABLES.sessions()).item(Map.of(
                "session_key", s(session.sessionKey()), "tenant_id", s("tenant-001"), "user_id", s("alice"),
                "session_id", s(session.sessionId().value()), "message_count", AttributeValue.fromN("0"))));
    }

    @Test
    void aSessionThatNeverBranchedTakesPlainTurnsAsBeforeAndReadsAsLinear() {
        ChatMessage first = turn("one", ALICE);

        assertThat(intake.accept(first, null, null, null, TurnPlacement.LINEAR)).isEmpty();

        assertThat(store.branches(T1, ALICE, session.sessionId())).contains(SessionBranches.LINEAR);
        assertThat(messageItem(first)).doesNotContainKey("parent_message_id");
        assertThat(sessionItem()).doesNotContainKeys("active_leaf", "tree_version");
    }

    @Test
    void aBranchStoresItsParentAndTheActivePathFromTheVersionItReadOnly() {
        ChatMessage first = turn("one", ALICE);
        intake.accept(first, null, null, null, TurnPlacement.LINEAR);
        ChatMessage edit = turn("two", ALICE).placedUnder(TurnParent.ROOT, null);
        Map<String, MessageId> choices = Map.of(ConversationTree.START, edit.messageId());

        intake.accept(edit, null, null, null, new TurnPlacement.Branch(choices, 0));

        assertThat(messageItem(edit)).containsEntry("parent_message_id", s("root"));
        assertThat(store.branches(T1, ALICE, session.sessionId())).contains(
                new SessionBranches(edit.messageId(), choices, 1));
        ChatMessage stale = turn("three", ALICE).placedUnder(TurnParent.ROOT, first.messageId());
        assertThatThrownBy(() -> intake.accept(stale, null, null, null, new TurnPlacement.Branch(choices, 0)))
                .isInstanceOf(BranchesMovedException.class);
        assertThat(messageItem(stale)).isNull();
        assertThat(sessionItem().get("message_count").n()).isEqualTo("2");
    }

    @Test
    void aPlainTurnToABranchedSessionIsRefusedUntilItFollowsTheLastTurn() {
        ChatMessage edit = turn("one", ALICE).placedUnder(TurnParent.ROOT, null);
        intake.accept(edit, null, null, null, new TurnPlacement.Branch(Map.of(), 0));
        ChatMessage plain = turn("two", ALICE);

        assertThatThrownBy(() -> intake.accept(plain, null, null, null, TurnPlacement.LINEAR))
                .isInstanceOf(BranchesMovedException.class);
        assertThat(messageItem(plain)).isNull();

        ChatMessage after = plain.placedUnder(TurnParent.of(edit.messageId()), null);
        intake.accept(after, null, null, null, new TurnPlacement.AfterLeaf(edit.messageId()));

        assertThat(messageItem(after)).containsEntry("parent_message_id", s(edit.messageId().value()));
        assertThat(sessionItem()).containsEntry("active_leaf", s(after.messageId().value()));
        ChatMessage late = turn("three", ALICE).placedUnder(TurnParent.of(edit.messageId()), null);
        assertThatThrownBy(() -> intake.accept(late, null, null, null, new TurnPlacement.AfterLeaf(edit.messageId())))
                .as("the last turn moved meanwhile").isInstanceOf(BranchesMovedException.class);
    }

    @Test
    void anotherUsersTurnOnTheSessionIsNotFoundNotMoved() {
        ChatMessage bobs = ChatMessage.queued(T1, session.sessionId(), BOB, MessageId.next(Clock.systemUTC()), "x",
                Instant.now());

        assertThatThrownBy(() -> intake.accept(bobs, null, null, null, TurnPlacement.LINEAR))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.branches(T1, BOB, session.sessionId())).isEmpty();
        assertThat(store.branches(TenantId.of("tenant-002"), ALICE, session.sessionId())).isEmpty();
    }

    @Test
    void aSwitchWritesOnlyOnTheBranchesItReadAndOnlyForTheOwner() {
        ChatMessage first = turn("one", ALICE).placedUnder(TurnParent.ROOT, null);
        intake.accept(first, null, null, null, new TurnPlacement.Branch(Map.of(), 0));
        ChatMessage second = turn("two", ALICE).placedUnder(TurnParent.ROOT, null);
        Map<String, MessageId> newest = Map.of(ConversationTree.START, second.messageId());
        intake.accept(second, null, null, null, new TurnPlacement.Branch(newest, 1));
        SessionBranches read = store.branches(T1, ALICE, session.sessionId()).orElseThrow();
        ConversationTree.Activation back = new ConversationTree.Activation(
                Map.of(ConversationTree.START, first.messageId()), first.messageId());

        assertThatThrownBy(() -> store.switchBranch(T1, BOB, session.sessionId(), read, back))
                .isInstanceOf(NotFoundException.class);
        store.switchBranch(T1, ALICE, session.sessionId(), read, back);

        assertThat(store.branches(T1, ALICE, session.sessionId())).contains(
                new SessionBranches(first.messageId(), back.choices(), 3));
        assertThatThrownBy(() -> store.switchBranch(T1, ALICE, session.sessionId(), read, back))
                .as("a switch from branches read before the last one").isInstanceOf(BranchesMovedException.class);
    }

    private ChatMessage turn(String text, UserId author) {
        return ChatMessage.queued(T1, session.sessionId(), author, MessageId.next(Clock.systemUTC()), text,
                Instant.now());
    }

    private Map<String, AttributeValue> messageItem(ChatMessage m) {
        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(TABLES.messages()).consistentRead(true)
                .key(Map.of("pk", s(T1.value() + "#" + session.sessionId().value()),
                        "sk", s(m.messageId().value() + "#1")))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private Map<String, AttributeValue> sessionItem() {
        return client.getItem(g -> g.tableName(TABLES.sessions()).consistentRead(true)
                .key(Map.of("session_key", s(session.sessionKey())))).item();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
