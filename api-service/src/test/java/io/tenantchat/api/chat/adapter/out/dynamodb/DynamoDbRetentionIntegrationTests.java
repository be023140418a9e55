package io.tenantchat.api.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.application.ConversationRetention;
import io.tenantchat.api.chat.application.TurnPlacement;
import io.tenantchat.api.chat.config.TableProperties;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.support.SettableClock;
import io.tenantchat.api.tenant.adapter.out.dynamodb.QuotaClaimWrites;
import io.tenantchat.api.tenant.config.TenantProperties;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.MessagesTable;
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
 * Retention against dynoxide, which (like DynamoDB before its TTL sweep) keeps expired items: the accept transaction
 * writes {@code expires_at}, every read of the message store leaves expired items out, and an expired session takes
 * no new message.
 */
class DynamoDbRetentionIntegrationTests {

    static final TenantId T1 = TenantId.of("tenant-001");
    static final UserId ALICE = UserId.of("alice");
    static final TableNames TABLES = TableNames.defaults();
    static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    static final ConversationRetention THIRTY_DAYS = ConversationRetention.days(30);

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static TenantDynamoDb dynamo;
    static TableProperties tables;
    static QuotaClaimWrites quota;

    SettableClock clock;
    ChatSession session;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TABLES);
        dynamo = TenantDynamoDb.serviceCredentials(client);
        tables = new TableProperties(TABLES.sessions(), TABLES.messages());
        quota = new QuotaClaimWrites(dynamo, new TenantProperties(TABLES.tenants(), "refuse", null,
                Map.of("basic", new TenantProperties.Tier(50, 1_000, 1, 200_000, 1, 2)),
                new TenantProperties.Reserve(1_000, 4, 0),
                new TenantProperties.RefusalHint(true, Duration.ofMillis(300), Duration.ofSeconds(5))));
    }

    @AfterAll
    static void stop() {
        client.close();
        dynoxide.close();
    }

    @BeforeEach
    void newSession() {
        clock = new SettableClock(T);
        session = ChatSession.start(T1, ALICE, SessionId.random(), T);
        client.putItem(p -> p.tableName(TABLES.sessions()).item(Map.of(
                "session_key", s(session.sessionKey()), "tenant_id", s(T1.value()), "user_id", s(ALICE.value()),
                "session_id", s(session.sessionId().value()), "message_count", AttributeValue.fromN("0"))));
    }

    @Test
    void writesExpiresAtOnTheMessageItsLookupAndItsSessionWhichEveryMessageMovesOn() {
        DynamoDbMessageIntake intake = intake(THIRTY_DAYS);
        ChatMessage first = turn("hello");
        intake.accept(first, null, null, null, TurnPlacement.LINEAR);

        long thirtyDaysOn = T.plus(Duration.ofDays(30)).getEpochSecond();
        assertThat(expiresAt(messageItem(first))).isEqualTo(thirtyDaysOn);
        assertThat(expiresAt(refItem(first))).isEqualTo(thirtyDaysOn);
        assertThat(expiresAt(sessionItem())).isEqualTo(thirtyDaysOn);

        clock.advance(Duration.ofDays(10));
        ChatMessage second = turn("again");
        intake.accept(second, null, null, null, TurnPlacement.LINEAR);

        assertThat(expiresAt(sessionItem())).isEqualTo(thirtyDaysOn + Duration.ofDays(10).toSeconds());
        assertThat(expiresAt(messageItem(first))).isEqualTo(thirtyDaysOn);
    }

    @Test
    void anExpiredMessageIsInvisibleToEveryReadWhileALaterOneOfTheSameSessionIsNot() {
        DynamoDbMessageIntake intake = intake(THIRTY_DAYS);
        DynamoDbMessageStore store = store(THIRTY_DAYS);
        ChatMessage old = turn("old");
        intake.accept(old, null, null, null, TurnPlacement.LINEAR);
        clock.advance(Duration.ofDays(20));
        ChatMessage recent = turn("recent");
        intake.accept(recent, null, null, null, TurnPlacement.LINEAR);

        clock.advance(Duration.ofDays(10)); // exactly 30 days after the old one: it is gone from this second

        assertThat(store.findRef(T1, old.messageId())).isEmpty();
        assertThat(store.findExchange(T1, session.sessionId(), old.messageId())).isEmpty();
        assertThat(store.conversation(T1, session.sessionId())).extracting(e -> e.message().messageId())
                .containsExactly(recent.messageId());
        assertThat(store.conversationPage(T1, session.sessionId(), null, 50).exchanges())
                .extracting(Exchange::message).extracting(ChatMessage::messageId).containsExactly(recent.messageId());
        assertThat(store.findRef(T1, recent.messageId())).isPresent();
        assertThat(store.branches(T1, ALICE, session.sessionId())).as("the session lives on with its last message")
                .isPresent();
        assertThat(messageItem(old)).as("still stored: DynamoDB deletes it some time later").isNotEmpty();
    }

    @Test
    void anExpiredSessionIsNotFoundAndRefusesANewMessageWritingNothing() {
        DynamoDbMessageIntake intake = intake(THIRTY_DAYS);
        DynamoDbMessageStore store = store(THIRTY_DAYS);
        intake.accept(turn("hello"), null, null, null, TurnPlacement.LINEAR);
        clock.advance(Duration.ofDays(31));

        assertThat(store.branches(T1, ALICE, session.sessionId())).isEmpty();
        ChatMessage late = turn("late");
        assertThatThrownBy(() -> intake.accept(late, null, null, null, TurnPlacement.LINEAR))
                .isInstanceOf(NotFoundException.class);
        assertThat(messageItem(late)).isEmpty();
        assertThat(sessionItem().get("message_count").n()).isEqualTo("1");
    }

    @Test
    void keepsEverythingForeverWithoutARetention() {
        DynamoDbMessageIntake intake = intake(ConversationRetention.FOREVER);
        DynamoDbMessageStore store = store(ConversationRetention.FOREVER);
        ChatMessage message = turn("hello");
        intake.accept(message, null, null, null, TurnPlacement.LINEAR);
        clock.advance(Duration.ofDays(3_650));

        assertThat(messageItem(message)).doesNotContainKey("expires_at");
        assertThat(refItem(message)).doesNotContainKey("expires_at");
        assertThat(sessionItem()).doesNotContainKey("expires_at");
        assertThat(store.findRef(T1, message.messageId())).isPresent();
        assertThat(store.conversation(T1, session.sessionId())).hasSize(1);
        assertThat(intake.accept(turn("years later"), null, null, null, TurnPlacement.LINEAR)).isEmpty();
    }

    private DynamoDbMessageIntake intake(ConversationRetention retention) {
        return new DynamoDbMessageIntake(dynamo, tables, quota, clock, 1, retention);
    }

    private DynamoDbMessageStore store(ConversationRetention retention) {
        return new DynamoDbMessageStore(dynamo, tables, clock, retention);
    }

    private ChatMessage turn(String text) {
        return ChatMessage.queued(T1, session.sessionId(), ALICE, MessageId.next(clock), text, clock.instant());
    }

    private static long expiresAt(Map<String, AttributeValue> item) {
        assertThat(item).containsKey("expires_at");
        return Long.parseLong(item.get("expires_at").n());
    }

    private Map<String, AttributeValue> messageItem(ChatMessage message) {
        return client.getItem(g -> g.tableName(TABLES.messages()).consistentRead(true).key(Map.of(
                MessagesTable.PK, s(MessagesTable.conversation(T1, session.sessionId())),
                MessagesTable.SK, s(MessagesTable.userMessage(message.messageId()))))).item();
    }

    private Map<String, AttributeValue> refItem(ChatMessage message) {
        return client.getItem(g -> g.tableName(TABLES.messages()).consistentRead(true).key(Map.of(
                MessagesTable.PK, s(MessagesTable.ref(T1, message.messageId())),
                MessagesTable.SK, s(MessagesTable.REF_SORT_KEY)))).item();
    }

    private Map<String, AttributeValue> sessionItem() {
        return client.getItem(g -> g.tableName(TABLES.sessions()).consistentRead(true)
                .key(Map.of("session_key", s(session.sessionKey())))).item();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
