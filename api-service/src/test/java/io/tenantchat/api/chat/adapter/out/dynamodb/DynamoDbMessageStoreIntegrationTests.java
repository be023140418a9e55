package io.tenantchat.api.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.application.CancelOutcome;
import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.chat.config.TableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.table.MessagesTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbMessageStoreIntegrationTests {

    static final TenantId T1 = TenantId.of("tenant-001");
    static final TenantId T2 = TenantId.of("tenant-002");
    static final UserId ALICE = UserId.of("alice");

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbMessageStore store;

    ChatSession session;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        store = new DynamoDbMessageStore(TenantDynamoDb.serviceCredentials(client),
                new TableProperties("tenant-sessions", "tenant-messages"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        dynoxide.close();
    }

    @BeforeEach
    void newSession() {
        session = ChatSession.start(T1, ALICE, SessionId.random(), Instant.now());
        client.putItem(p -> p.tableName("tenant-sessions").item(Map.of(
                "session_key", s(session.sessionKey()), "tenant_id", s("tenant-001"), "user_id", s("alice"),
                "session_id", s(session.sessionId().value()), "message_count", AttributeValue.fromN("0"))));
    }

    @Test
    void storesAQueuedMessageFindableByIdAndCountsItOnTheSession() {
        ChatMessage message = queued("Hello");

        store.saveQueued(message);

        assertThat(store.findRef(T1, message.messageId())).hasValueSatisfying(ref -> {
            assertThat(ref.sessionId()).isEqualTo(session.sessionId());
            assertThat(ref.userId()).isEqualTo(ALICE);
        });
        assertThat(store.findExchange(T1, session.sessionId(), message.messageId()))
                .hasValueSatisfying(e -> assertThat(e.message()).isEqualTo(message));
        assertThat(sessionAttribute("message_count").n()).isEqualTo("1");
    }

    @Test
    void findsNothingUnderAnotherTenant() {
        ChatMessage message = queued("Hello");
        store.saveQueued(message);

        assertThat(store.findRef(T2, message.messageId())).isEmpty();
        assertThat(store.findExchange(T2, session.sessionId(), message.messageId())).isEmpty();
        assertThat(store.conversation(T2, session.sessionId())).isEmpty();
    }

    @Test
    void refusesAMessageForAMissingSessionAndWritesNothing() {
        ChatMessage orphan = ChatMessage.queued(T1, SessionId.random(), ALICE, MessageId.next(Clock.systemUTC()), "Hi", Instant.now());

        assertThatThrownBy(() -> store.saveQueued(orphan)).isInstanceOf(NotFoundException.class);
        assertThat(store.findRef(T1, orphan.messageId())).isEmpty();
    }

    @Test
    void returnsTheConversationInOrderWithReplies() {
        ChatMessage first = queued("one");
        ChatMessage second = queued("two");
        store.saveQueued(first);
        store.saveQueued(second);
        putReply(first, "answer one");

        assertThat(store.conversation(T1, session.sessionId())).extracting(e -> e.message().content(),
                e -> e.reply().map(r -> r.content()).orElse(null))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("one", "answer one"),
                        org.assertj.core.groups.Tuple.tuple("two", null));
    }

    @Test
    void marksOnlyAQueuedMessageFailed() {
        ChatMessage message = queued("Hi");
        store.saveQueued(message);

        store.markFailed(T1, session.sessionId(), message.messageId(), new MessageError("enqueue_failed", "try again"), Instant.now());

        Exchange exchange = store.findExchange(T1, session.sessionId(), message.messageId()).orElseThrow();
        assertThat(exchange.message().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(exchange.message().error().code()).isEqualTo("enqueue_failed");
    }

    @Test
    void requeuesOnlyAFailedMessageOfItsOwnTenantAndMovesItsAttemptsOutOfTheBudget() {
        ChatMessage message = queued("Hi");
        store.saveQueued(message);
        MessageId id = message.messageId();
        assertThat(store.requeueFailed(T1, session.sessionId(), id, Instant.now())).isFalse();
        store.markFailed(T1, session.sessionId(), id, new MessageError("model_unavailable", "busy"), Instant.now());
        setAttempts(message, 5);

        assertThat(store.requeueFailed(T2, session.sessionId(), id, Instant.now())).isFalse();
        assertThat(store.requeueFailed(T1, session.sessionId(), id, Instant.now())).isTrue();
        assertThat(store.requeueFailed(T1, session.sessionId(), id, Instant.now())).isFalse();

        Exchange exchange = store.findExchange(T1, session.sessionId(), id).orElseThrow();
        assertThat(exchange.message().status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(exchange.message().failure()).isEmpty();
        assertThat(messageAttribute(message, "requeued_attempts").n()).isEqualTo("5");
    }

    @Test
    void cancelTurnsAQueuedMessageCancelledOnceAndAnswersTheSameAfterwards() {
        ChatMessage message = queued("Stop me");
        store.saveQueued(message);

        assertThat(store.cancel(T1, session.sessionId(), message.messageId(), Instant.now()))
                .isEqualTo(CancelOutcome.CANCELLED);
        assertThat(store.cancel(T1, session.sessionId(), message.messageId(), Instant.now()))
                .isEqualTo(CancelOutcome.ALREADY_CANCELLED);

        assertThat(store.findExchange(T1, session.sessionId(), message.messageId()).orElseThrow().message().status())
                .isEqualTo(MessageStatus.CANCELLED);
        assertThat(messageAttribute(message, "cancel_requested_at")).isNotNull();
    }

    @Test
    void cancelOfAProcessingMessageStoresTheStopRequestOnceAndKeepsItProcessingForTheWorker() {
        ChatMessage message = queued("Stop me while generating");
        store.saveQueued(message);
        setStatus(message, "processing");

        assertThat(store.cancel(T1, session.sessionId(), message.messageId(), Instant.parse("2026-12-03T08:00:00Z")))
                .isEqualTo(CancelOutcome.STOPPING);
        assertThat(store.cancel(T1, session.sessionId(), message.messageId(), Instant.parse("2026-12-03T08:00:05Z")))
                .isEqualTo(CancelOutcome.STOPPING);

        assertThat(messageAttribute(message, "status").s()).isEqualTo("processing");
        assertThat(messageAttribute(message, "cancel_requested_at").s()).as("the first request is kept")
                .isEqualTo("2026-12-03T08:00:00Z");
    }

    @Test
    void cancelOfAFinishedMessageChangesNothing() {
        ChatMessage completed = queued("Done");
        store.saveQueued(completed);
        setStatus(completed, "completed");
        ChatMessage failed = queued("Broken");
        store.saveQueued(failed);
        setStatus(failed, "failed");

        assertThat(store.cancel(T1, session.sessionId(), completed.messageId(), Instant.now()))
                .isEqualTo(CancelOutcome.FINISHED);
        assertThat(store.cancel(T1, session.sessionId(), failed.messageId(), Instant.now()))
                .isEqualTo(CancelOutcome.FINISHED);
        assertThat(messageAttribute(completed, "cancel_requested_at")).isNull();
        assertThat(messageAttribute(failed, "status").s()).isEqualTo("failed");
    }

    @Test
    void cancelUnderAnotherTenantFindsNothingAndWritesNothing() {
        ChatMessage message = queued("Mine");
        store.saveQueued(message);

        assertThat(store.cancel(T2, session.sessionId(), message.messageId(), Instant.now()))
                .isEqualTo(CancelOutcome.NOT_FOUND);
        assertThat(messageAttribute(message, "status").s()).isEqualTo("queued");
        assertThat(client.scan(sc -> sc.tableName("tenant-messages")).items())
                .noneMatch(item -> item.get("pk").s().startsWith("tenant-002#") && item.containsKey("message_id")
                        && item.get("message_id").s().equals(message.messageId().value()));
    }

    @Test
    void secondUseOfAnIdempotencyKeyReturnsTheOriginalAndWritesNothing() {
        IdempotencyKey key = new IdempotencyKey("key-" + session.sessionId().value());
        ChatMessage first = queued("Hello");
        ChatMessage retry = queued("Hello");

        assertThat(store.saveQueued(first, key, Instant.now().plusSeconds(60))).isEmpty();
        assertThat(store.saveQueued(retry, key, Instant.now().plusSeconds(60)))
                .hasValueSatisfying(ref -> assertThat(ref.messageId()).isEqualTo(first.messageId()));

        assertThat(store.findRef(T1, retry.messageId())).isEmpty();
        assertThat(sessionAttribute("message_count").n()).isEqualTo("1");
        Map<String, AttributeValue> item = client.getItem(g -> g.tableName("tenant-messages")
                .key(IdempotencyItems.key(T1, ALICE, key))).item();
        assertThat(item.get("pk").s()).isEqualTo("tenant-001#idem#alice#" + IdempotencyItems.sha256(key.value()))
                .doesNotContain(key.value());
        assertThat(item.get("expires_at").n()).isNotBlank();
    }

    @Test
    void expiredIdempotencyKeyIsIgnoredAndTakenOver() {
        IdempotencyKey key = new IdempotencyKey("expiring-" + session.sessionId().value());
        store.saveQueued(queued("old"), key, Instant.now().minusSeconds(1));
        ChatMessage fresh = queued("new");

        assertThat(store.saveQueued(fresh, key, Instant.now().plusSeconds(60))).isEmpty();
        assertThat(store.findRef(T1, fresh.messageId())).isPresent();
    }

    @Test
    void sameIdempotencyKeyOfAnotherTenantIsIndependent() {
        IdempotencyKey key = new IdempotencyKey("tenant-scoped-" + session.sessionId().value());
        store.saveQueued(queued("mine"), key, Instant.now().plusSeconds(60));
        ChatSession other = ChatSession.start(T2, ALICE, SessionId.random(), Instant.now());
        client.putItem(p -> p.tableName("tenant-sessions").item(Map.of(
                "session_key", s(other.sessionKey()), "tenant_id", s("tenant-002"), "user_id", s("alice"),
                "session_id", s(other.sessionId().value()), "message_count", AttributeValue.fromN("0"))));

        ChatMessage theirs = ChatMessage.queued(T2, other.sessionId(), ALICE, MessageId.next(Clock.systemUTC()), "theirs",
                Instant.now());
        assertThat(store.saveQueued(theirs, key, Instant.now().plusSeconds(60))).isEmpty();
    }

    @Test
    void sameIdempotencyKeyOfAColleagueIsIndependent() {
        IdempotencyKey key = new IdempotencyKey("user-scoped-" + session.sessionId().value());
        assertThat(store.saveQueued(queued("mine"), key, Instant.now().plusSeconds(60))).isEmpty();
        UserId anna = UserId.of("anna");
        ChatSession annas = ChatSession.start(T1, anna, SessionId.random(), Instant.now());
        client.putItem(p -> p.tableName("tenant-sessions").item(Map.of(
                "session_key", s(annas.sessionKey()), "tenant_id", s("tenant-001"), "user_id", s("anna"),
                "session_id", s(annas.sessionId().value()), "message_count", AttributeValue.fromN("0"))));

        ChatMessage hers = ChatMessage.queued(T1, annas.sessionId(), anna, MessageId.next(Clock.systemUTC()), "hers",
                Instant.now());
        assertThat(store.saveQueued(hers, key, Instant.now().plusSeconds(60))).isEmpty();
        assertThat(store.findRef(T1, hers.messageId())).isPresent();
    }

    @Test
    void pagesTheConversationAfterACursorWithRepliesAndNextCursor() {
        List<ChatMessage> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ChatMessage message = queued("m" + i);
            store.saveQueued(message);
            putReply(message, "r" + i);
            sent.add(message);
        }

        ConversationPage first = store.conversationPage(T1, session.sessionId(), null, 2);
        ConversationPage rest = store.conversationPage(T1, session.sessionId(), first.nextCursor().orElseThrow(), 3);

        assertThat(first.exchanges()).extracting(e -> e.message().content(), e -> e.reply().orElseThrow().content())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m0", "r0"),
                        org.assertj.core.groups.Tuple.tuple("m1", "r1"));
        assertThat(first.nextCursor()).hasValue(sent.get(1).messageId());
        assertThat(rest.exchanges()).extracting(e -> e.message().content()).containsExactly("m2", "m3", "m4");
        assertThat(rest.nextCursor()).isEmpty();
        assertThat(store.conversationPage(T2, session.sessionId(), null, 10).exchanges()).isEmpty();
    }

    private ChatMessage queued(String text) {
        return ChatMessage.queued(T1, session.sessionId(), ALICE, MessageId.next(Clock.systemUTC()), text, Instant.now());
    }

    private void putReply(ChatMessage m, String text) {
        client.putItem(p -> p.tableName("tenant-messages").item(Map.of(
                MessagesTable.PK, s(MessagesTable.conversation(T1, session.sessionId())),
                MessagesTable.SK, s(MessagesTable.reply(m.messageId())),
                "tenant_id", s("tenant-001"), "session_id", s(session.sessionId().value()), "user_id", s("alice"),
                "message_id", s(m.messageId().value()), "role", s("assistant"), "content", s(text),
                "model_id", s("model"), "created_at", s(Instant.now().toString()))));
    }

    private void setStatus(ChatMessage m, String status) {
        client.updateItem(u -> u.tableName("tenant-messages").key(userMessageKey(m))
                .updateExpression("SET #status = :s").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":s", s(status))));
    }

    private void setAttempts(ChatMessage m, int attempts) {
        client.updateItem(u -> u.tableName("tenant-messages").key(userMessageKey(m))
                .updateExpression("SET attempts = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN(
                        Integer.toString(attempts)))));
    }

    private AttributeValue messageAttribute(ChatMessage m, String name) {
        return client.getItem(g -> g.tableName("tenant-messages").key(userMessageKey(m))).item().get(name);
    }

    private Map<String, AttributeValue> userMessageKey(ChatMessage m) {
        return Map.of(MessagesTable.PK, s(MessagesTable.conversation(T1, session.sessionId())),
                MessagesTable.SK, s(MessagesTable.userMessage(m.messageId())));
    }

    private AttributeValue sessionAttribute(String name) {
        return client.getItem(g -> g.tableName("tenant-sessions").key(Map.of("session_key", s(session.sessionKey()))))
                .item().get(name);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
