package io.tenantchat.worker.reply.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.worker.config.QuotaProperties;
import io.tenantchat.worker.config.TablesProperties;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.UserMessage;
import io.tenantchat.worker.support.StoredItems;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The end of a message gives back api-service's quota hold in the same transaction, exactly once: the items are
 * laid out as api-service's DynamoDbQuotaLedger writes them when it admits a message of 1,500 reserved tokens.
 */
class DynamoDbConversationStoreQuotaIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:30:00.456Z");
    private static final ModelReply REPLY = new ModelReply("Paris.", "test-model", 42, 2, Duration.ofMillis(300));
    private static final String TENANTS = "tenants";

    private static DynoxideServer dynoxide;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbConversationStore store;
    private StoredItems items;

    @BeforeAll
    static void startDynoxide() {
        dynoxide = DynoxideServer.start(null);
        dynamoDb = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(dynamoDb, TableNames.defaults());
        store = new DynamoDbConversationStore(dynamoDb, DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(),
                new TablesProperties(StoredItems.SESSIONS, StoredItems.MESSAGES), new QuotaProperties(TENANTS));
    }

    @AfterAll
    static void stopDynoxide() {
        dynamoDb.close();
        dynoxide.close();
    }

    @BeforeEach
    void newSession() {
        items = new StoredItems(dynamoDb).withSession(1);
        dynamoDb.deleteItem(d -> d.tableName(TENANTS).key(key("live")));
        dynamoDb.deleteItem(d -> d.tableName(TENANTS).key(key("tokens#2026-11")));
    }

    @Test
    void aCompletedMessageGivesBackItsInFlightSlotOnceAndLeavesTheReservationToTheUsageLedger() {
        MessageId id = admitted("Capital of France?");
        UserMessage message = store.startAttempt(ref(id), NOW).orElseThrow();

        assertThat(store.completeWithReply(message, REPLY, NOW)).isTrue();
        assertThat(store.completeWithReply(message, REPLY, NOW)).as("a redelivered job").isFalse();

        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("live").get("sessions").m()).as("the idle session leaves the map").isEmpty();
        assertThat(item("hold#" + id.value())).doesNotContainKey("in_flight").containsKey("reserved");
        assertThat(item("tokens#2026-11").get("reserved").n()).isEqualTo("1500");
    }

    @Test
    void aFailedMessageGivesBackItsInFlightSlotAndItsReservationOnce() {
        MessageId id = admitted("Too long");
        store.startAttempt(ref(id), NOW);

        assertThat(store.markFailed(ref(id), new ReplyFailure(ErrorCode.INVALID_REQUEST, "too long"), NOW)).isTrue();
        assertThat(store.markFailed(ref(id), new ReplyFailure(ErrorCode.INVALID_REQUEST, "too long"), NOW)).isFalse();

        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("reserved").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("committed").n()).isEqualTo("0");
        assertThat(item("hold#" + id.value())).doesNotContainKeys("in_flight", "reserved");
    }

    @Test
    void aReplyFinishedAfterItsSessionWasDeletedGivesBackTheInFlightSlot() {
        MessageId id = admitted("Capital of France?");
        UserMessage message = store.startAttempt(ref(id), NOW).orElseThrow();
        items.deleteSession();

        assertThat(store.completeWithReply(message, REPLY, NOW)).isFalse();

        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("live").get("sessions").m()).isEmpty();
        assertThat(item("hold#" + id.value())).doesNotContainKey("in_flight");
    }

    @Test
    void aReplyFinishedAfterItsMessageWasErasedGivesBackTheInFlightSlot() {
        MessageId id = admitted("Capital of France?");
        UserMessage message = store.startAttempt(ref(id), NOW).orElseThrow();
        items.deleteSession();
        items.eraseMessage(id);

        assertThat(store.completeWithReply(message, REPLY, NOW)).isFalse();

        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("hold#" + id.value())).doesNotContainKey("in_flight");
    }

    @Test
    void releasingTheQuotaOfAnErasedMessageGivesBackSlotAndReservationOnce() {
        MessageId id = admitted("Capital of France?");
        items.eraseMessage(id);

        store.releaseQuota(ref(id));
        store.releaseQuota(ref(id));

        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("reserved").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("committed").n()).isEqualTo("0");
        assertThat(item("hold#" + id.value())).doesNotContainKeys("in_flight", "reserved");
    }

    @Test
    void aMessageWithoutAHoldCompletesAsBefore() {
        MessageId id = items.userMessage("Hello?", "queued");

        assertThat(store.completeWithReply(store.startAttempt(ref(id), NOW).orElseThrow(), REPLY, NOW)).isTrue();
    }

    /** A queued message with the hold, live and token items api-service writes when it admits it. */
    private MessageId admitted(String text) {
        MessageId id = items.userMessage(text, "queued");
        Map<String, AttributeValue> hold = new HashMap<>(key("hold#" + id.value()));
        hold.putAll(Map.of("session_id", s(items.session.value()), "month", s("2026-11"), "day", s("2026-11-29"),
                "in_flight", n(1), "reserved", n(1_500)));
        dynamoDb.putItem(p -> p.tableName(TENANTS).item(hold));
        Map<String, AttributeValue> live = new HashMap<>(key("live"));
        live.putAll(Map.of("inflight", n(1), "sessions", AttributeValue.fromM(Map.of(items.session.value(), n(1)))));
        dynamoDb.putItem(p -> p.tableName(TENANTS).item(live));
        Map<String, AttributeValue> tokens = new HashMap<>(key("tokens#2026-11"));
        tokens.putAll(Map.of("committed", n(1_500), "reserved", n(1_500)));
        dynamoDb.putItem(p -> p.tableName(TENANTS).item(tokens));
        return id;
    }

    private Map<String, AttributeValue> item(String sk) {
        return dynamoDb.getItem(g -> g.tableName(TENANTS).key(key(sk)).consistentRead(true)).item();
    }

    private Map<String, AttributeValue> key(String sk) {
        return Map.of("tenant_id", s("tenant-001"), "sk", s(sk));
    }

    private MessageRef ref(MessageId id) {
        return new MessageRef(items.tenant, items.session, id);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
