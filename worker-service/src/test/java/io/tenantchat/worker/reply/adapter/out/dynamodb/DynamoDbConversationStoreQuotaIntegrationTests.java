package io.tenantchat.worker.reply.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.JobHold;
import io.tenantchat.shared.MessageId;
import io.tenantchat.worker.reply.config.QuotaProperties;
import io.tenantchat.worker.reply.config.TablesProperties;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.application.Claim;
import io.tenantchat.worker.reply.domain.HistoryBudget;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.UserMessage;
import io.tenantchat.worker.support.StoredItems;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
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
        UserMessage message = started(store.claim(ref(id), NOW));

        assertThat(store.completeWithReply(message, REPLY, NOW)).isTrue();
        assertThat(store.completeWithReply(message, REPLY, NOW)).as("a redelivered job").isFalse();

        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("live").get("sessions").m()).as("the idle session is left for api-service to prune")
                .containsEntry(items.session.value(), n(0));
        assertThat(item("hold#" + id.value())).doesNotContainKey("in_flight").containsKey("reserved");
        assertThat(item("tokens#2026-11").get("reserved").n()).isEqualTo("1500");
    }

    @Test
    void aJobCarryingItsHoldIsClaimedAndCompletedInTwoWritesWithoutReadingMessageOrHold() {
        MessageId id = admitted("Capital of France?");
        JobHold carried = new JobHold(true, 1_500L, "2026-11", null);
        List<String> operations = new CopyOnWriteArrayList<>();
        try (DynamoDbClient counted = countingClient(operations)) {
            DynamoDbConversationStore countedStore = new DynamoDbConversationStore(counted,
                    DynamoDbEnhancedClient.builder().dynamoDbClient(counted).build(),
                    new TablesProperties(StoredItems.SESSIONS, StoredItems.MESSAGES), new QuotaProperties(TENANTS));

            UserMessage message = started(countedStore.claim(ref(id), NOW));
            assertThat(countedStore.completeWithReply(message, REPLY, NOW, carried)).isTrue();
            assertThat(countedStore.completeWithReply(message, REPLY, NOW, carried)).as("a redelivered job").isFalse();
        }

        assertThat(operations.subList(0, 2)).containsExactly("UpdateItem", "TransactWriteItems");
        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("hold#" + id.value())).doesNotContainKey("in_flight").containsKey("reserved");
    }

    @Test
    void aStaleCarriedHoldGivesNothingBackTwice() {
        MessageId id = admitted("Capital of France?");
        dynamoDb.updateItem(u -> u.tableName(TENANTS).key(key("hold#" + id.value())).updateExpression("REMOVE in_flight"));
        dynamoDb.updateItem(u -> u.tableName(TENANTS).key(key("live")).updateExpression("SET inflight = :z")
                .expressionAttributeValues(Map.of(":z", n(0))));
        UserMessage message = started(store.claim(ref(id), NOW));

        assertThat(store.completeWithReply(message, REPLY, NOW, new JobHold(true, 1_500L, "2026-11", null))).isTrue();

        assertThat(item("live").get("inflight").n()).as("the slot given back already stays given back").isEqualTo("0");
        assertReplyStored(id);
    }

    @Test
    void aCarriedHoldGivesTheSlotBackToTheCounterItNames() {
        MessageId id = admitted("Capital of France?");
        Map<String, AttributeValue> shard = new HashMap<>(key("live#3"));
        shard.putAll(Map.of("inflight", n(1), "sessions", AttributeValue.fromM(Map.of(items.session.value(), n(1)))));
        dynamoDb.putItem(p -> p.tableName(TENANTS).item(shard));
        UserMessage message = started(store.claim(ref(id), NOW));

        assertThat(store.completeWithReply(message, REPLY, NOW, new JobHold(true, 1_500L, "2026-11", "live#3")))
                .isTrue();

        assertThat(item("live#3").get("inflight").n()).isEqualTo("0");
        assertThat(item("live").get("inflight").n()).as("the unsharded counter is not touched").isEqualTo("1");
    }

    @Test
    void aFailedMessageGivesBackItsInFlightSlotAndItsReservationOnce() {
        MessageId id = admitted("Too long");
        store.claim(ref(id), NOW);

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
        UserMessage message = started(store.claim(ref(id), NOW));
        items.deleteSession();

        assertThat(store.completeWithReply(message, REPLY, NOW)).isFalse();

        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("live").get("sessions").m()).isEmpty();
        assertThat(item("hold#" + id.value())).doesNotContainKey("in_flight");
    }

    @Test
    void aReplyFinishedAfterItsMessageWasErasedGivesBackTheInFlightSlot() {
        MessageId id = admitted("Capital of France?");
        UserMessage message = started(store.claim(ref(id), NOW));
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
    void aMessageCancelledWhileQueuedIsRefusedByTheClaimAndItsWholeHoldIsGivenBackOnce() {
        MessageId id = admitted("Never mind");
        requestStop(id, "cancelled");
        JobHold carried = new JobHold(true, 1_500L, "2026-11", null);

        Claim claim = store.claim(ref(id), NOW);
        store.releaseQuota(ref(id), carried);
        store.releaseQuota(ref(id), carried);

        assertThat(claim.started()).isNull();
        assertThat(claim.found()).isEqualTo(io.tenantchat.worker.reply.domain.MessageStatus.CANCELLED);
        assertThat(claim.cancelRequested()).isFalse();
        assertThat(items.messageItem(id, "#1").get("attempts").n()).as("no attempt counted").isEqualTo("0");
        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("reserved").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("committed").n()).isEqualTo("0");
    }

    @Test
    void aStopRequestKeepsAProcessingMessageFromBeingClaimedCompletedOrFailed() {
        MessageId id = admitted("Capital of France?");
        UserMessage message = started(store.claim(ref(id), NOW));
        requestStop(id, "processing");

        Claim again = store.claim(ref(id), NOW);
        boolean completed = store.completeWithReply(message, REPLY, NOW);
        boolean failed = store.markFailed(ref(id), new ReplyFailure(ErrorCode.INVALID_REQUEST, "x"), NOW);

        assertThat(again.started()).isNull();
        assertThat(again.cancelRequested()).isTrue();
        assertThat(completed).isFalse();
        assertThat(failed).isFalse();
        assertThat(store.isCancelRequested(ref(id))).isTrue();
        assertThat(items.messageItem(id, "#1").get("status").s()).isEqualTo("processing");
        assertThat(items.messageItem(id, "#2")).as("no completed reply").isNullOrEmpty();
    }

    @Test
    void aStoppedReplyIsStoredCancelledWithItsPartialTextAndGivesBackTheSlotOnceLeavingTheReservation() {
        MessageId id = admitted("Capital of France?");
        UserMessage message = started(store.claim(ref(id), NOW));
        requestStop(id, "processing");
        ModelReply partial = new ModelReply("Par", "test-model", 12, 1, Duration.ofMillis(80));
        JobHold carried = new JobHold(true, 1_500L, "2026-11", null);

        assertThat(store.completeCancelled(message, partial, NOW, carried)).isTrue();
        assertThat(store.completeCancelled(message, partial, NOW, carried)).as("a redelivered job").isFalse();

        assertThat(items.messageItem(id, "#1").get("status").s()).isEqualTo("cancelled");
        Map<String, AttributeValue> reply = items.messageItem(id, "#2");
        assertThat(reply.get("status").s()).isEqualTo("cancelled");
        assertThat(reply.get("content").s()).isEqualTo("Par");
        assertThat(reply.get("output_tokens").n()).isEqualTo("1");
        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("reserved").n()).as("usage-aggregator settles it against the usage")
                .isEqualTo("1500");
    }

    @Test
    void aProcessingMessageStoppedBeforeAnyOutputEndsCancelledAndGivesBackItsWholeHoldOnce() {
        MessageId id = admitted("Capital of France?");
        store.claim(ref(id), NOW);
        requestStop(id, "processing");
        JobHold carried = new JobHold(true, 1_500L, "2026-11", null);

        assertThat(store.cancel(ref(id), NOW, carried)).isTrue();
        assertThat(store.cancel(ref(id), NOW, carried)).isFalse();

        assertThat(items.messageItem(id, "#1").get("status").s()).isEqualTo("cancelled");
        assertThat(item("live").get("inflight").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("reserved").n()).isEqualTo("0");
        assertThat(item("tokens#2026-11").get("committed").n()).isEqualTo("0");
        assertThat(item("hold#" + id.value())).doesNotContainKeys("in_flight", "reserved");
    }

    @Test
    void aMessageWithoutAStopRequestIsNotCancelled() {
        MessageId id = admitted("Capital of France?");
        store.claim(ref(id), NOW);

        assertThat(store.cancel(ref(id), NOW, null)).isFalse();
        assertThat(store.isCancelRequested(ref(id))).isFalse();
        assertThat(items.messageItem(id, "#1").get("status").s()).isEqualTo("processing");
        assertThat(item("live").get("inflight").n()).isEqualTo("1");
    }

    /** What api-service's cancel writes: the stop request, and the status it leaves or sets. */
    private void requestStop(MessageId id, String status) {
        dynamoDb.updateItem(u -> u.tableName(StoredItems.MESSAGES)
                .key(Map.of("pk", s(items.tenant.value() + "#" + items.session.value()), "sk", s(id.value() + "#1")))
                .updateExpression("SET #status = :s, cancel_requested_at = :at")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":s", s(status), ":at", s(NOW.toString()))));
    }

    @Test
    void aMessageWithoutAHoldCompletesAsBefore() {
        MessageId id = items.userMessage("Hello?", "queued");

        assertThat(store.completeWithReply(started(store.claim(ref(id), NOW)), REPLY, NOW)).isTrue();
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

    private void assertReplyStored(MessageId id) {
        assertThat(items.messageItem(id, "#2").get("content").s()).isEqualTo("Paris.");
    }

    /** A client on the same stand-in that records the name of every operation it sends. */
    private static DynamoDbClient countingClient(List<String> operations) {
        return DynamoDbClient.builder().endpointOverride(dynoxide.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })).build();
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

    private static UserMessage started(Claim claim) {
        assertThat(claim.started()).as("claimed").isNotNull();
        return claim.started();
    }
}
