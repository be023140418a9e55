package io.tenantchat.worker.reply.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.worker.reply.config.TablesProperties;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.application.Claim;
import io.tenantchat.worker.reply.domain.HistoryBudget;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.Role;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.UserMessage;
import io.tenantchat.worker.support.StoredItems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The store against dynoxide, with the tables as the local stack provisions them. */
class DynamoDbConversationStoreIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:30:00.456Z");
    private static final ModelReply REPLY = new ModelReply("Paris.", "test-model", 42, 2, Duration.ofMillis(300));

    private static DynoxideServer dynoxide;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbConversationStore store;
    private StoredItems items;

    @BeforeAll
    static void startDynoxide() {
        dynoxide = DynoxideServer.start(null);
        dynamoDb = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(dynamoDb, TableNames.defaults());
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
        store = new DynamoDbConversationStore(dynamoDb, enhanced,
                new TablesProperties(StoredItems.SESSIONS, StoredItems.MESSAGES));
    }

    @AfterAll
    static void stopDynoxide() {
        dynamoDb.close();
        dynoxide.close();
    }

    @BeforeEach
    void newSession() {
        items = new StoredItems(dynamoDb).withSession(1);
    }

    @Test
    void userMessageIsReadWithItsContentAndStatus() {
        MessageRef ref = ref(items.userMessage("Hello?", "queued"));

        assertThat(store.findUserMessage(ref)).hasValueSatisfying(message -> {
            assertThat(message.content()).isEqualTo("Hello?");
            assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(message.userId()).isEqualTo(items.user);
        });
    }

    @Test
    void startingAnAttemptMarksProcessingAndCountsAttempts() {
        MessageRef ref = ref(items.userMessage("Hello?", "queued"));

        store.claim(ref, NOW);
        UserMessage second = started(store.claim(ref, NOW));

        assertThat(second.status()).isEqualTo(MessageStatus.PROCESSING);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(items.messageItem(ref.messageId(), "#1").get("updated_at").s()).isEqualTo("2026-11-29T12:30:00.456Z");
    }

    @Test
    void finishedMessageCannotBeStartedAgain() {
        MessageRef ref = ref(items.userMessage("Hello?", "completed"));

        assertThat(store.claim(ref, NOW)).isEqualTo(Claim.refused(MessageStatus.COMPLETED));
    }

    @Test
    void claimingAMessageThatIsNotThereFindsNothing() {
        MessageRef ref = ref(MessageId.next(java.time.Clock.systemUTC()));

        assertThat(store.claim(ref, NOW)).isEqualTo(Claim.missing());
    }

    @Test
    void historyIsReadNewestFirstOnlyAsFarAsTheBudgetNeeds() {
        for (int i = 0; i < 30; i++) {
            MessageId earlier = items.userMessage("question " + i, "completed");
            items.reply(earlier, "answer " + i);
        }
        MessageId current = items.userMessage("And now?", "queued");

        List<StoredMessage> history = store.historyBefore(ref(current), new HistoryBudget(4, 100_000));

        assertThat(history).extracting(StoredMessage::content).containsExactly(
                "question 27", "answer 27", "question 28", "answer 28", "question 29", "answer 29");
    }

    @Test
    void historyStopsReadingOnceTheCharacterBudgetIsSpent() {
        for (int i = 0; i < 30; i++) {
            MessageId earlier = items.userMessage("q".repeat(50), "completed");
            items.reply(earlier, "a".repeat(50));
        }
        MessageId current = items.userMessage("And now?", "queued");

        List<StoredMessage> history = store.historyBefore(ref(current), new HistoryBudget(40, 120));

        assertThat(history.size()).as("one page of %s items, not the partition's 60",
                DynamoDbConversationStore.historyPage(new HistoryBudget(40, 120))).isLessThan(60);
    }

    @Test
    void historyHoldsEarlierMessagesInConversationOrder() {
        MessageId first = items.userMessage("Hi", "completed");
        items.reply(first, "Hello!");
        MessageId failed = items.userMessage("Lost", "failed");
        MessageId current = items.userMessage("Capital of France?", "queued");
        items.userMessage("Later", "queued");

        assertThat(store.historyBefore(ref(current), new HistoryBudget(40, 100_000))).containsExactly(
                new StoredMessage(first, Role.USER, "Hi"), new StoredMessage(first, Role.ASSISTANT, "Hello!"),
                new StoredMessage(failed, Role.USER, "Lost"));
    }

    @Test
    void historyFollowsThePathOfTheTurnAndSkipsItsSiblings() {
        MessageId first = items.userMessage("Capital of France?", "completed");
        items.reply(first, "Paris.");
        MessageId second = items.userMessage("And of Italy?", "completed");
        items.reply(second, "Rome.");
        MessageId regenerated = items.userMessage("And of Italy?", "completed", first.value());
        items.reply(regenerated, "Rome, since 1871.");
        MessageId edited = items.userMessage("And of Spain?", "completed", first.value());
        items.reply(edited, "Madrid.");
        MessageId current = items.userMessage("Which is largest?", "queued", regenerated.value());

        assertThat(store.historyBefore(ref(current), new HistoryBudget(40, 100_000))).containsExactly(
                new StoredMessage(first, Role.USER, "Capital of France?"),
                new StoredMessage(first, Role.ASSISTANT, "Paris."),
                new StoredMessage(regenerated, Role.USER, "And of Italy?"),
                new StoredMessage(regenerated, Role.ASSISTANT, "Rome, since 1871."));
    }

    @Test
    void historyOfATurnThatStartsTheConversationAgainIsEmpty() {
        MessageId first = items.userMessage("Capital of France?", "completed");
        items.reply(first, "Paris.");
        MessageId current = items.userMessage("Capital of Spain?", "queued", "root");

        assertThat(store.historyBefore(ref(current), new HistoryBudget(40, 100_000))).isEmpty();
    }

    @Test
    void historyBudgetCountsOnlyTheTurnsOnThePath() {
        MessageId first = items.userMessage("q0", "completed");
        items.reply(first, "a0");
        MessageId parent = first;
        for (int i = 1; i < 8; i++) {
            for (int sibling = 0; sibling < 3; sibling++) {
                MessageId turn = items.userMessage("q" + i + "." + sibling, "completed", parent.value());
                items.reply(turn, "a" + i + "." + sibling);
            }
            parent = items.userMessage("q" + i, "completed", parent.value());
            items.reply(parent, "a" + i);
        }
        MessageId current = items.userMessage("now?", "queued", parent.value());

        assertThat(store.historyBefore(ref(current), new HistoryBudget(3, 100_000)))
                .extracting(StoredMessage::content)
                .containsExactly("q5", "a5", "q6", "a6", "q7", "a7");
    }

    @Test
    void historyLeavesOutTurnsWhoseRetentionEndedThoughDynamoDbStillHoldsThem() {
        long now = Instant.now().getEpochSecond();
        MessageId expired = items.userMessage("forgotten question", "completed");
        items.reply(expired, "forgotten answer");
        expireAt(expired, "#1", now - 60);
        expireAt(expired, "#2", now - 60);
        MessageId kept = items.userMessage("kept question", "completed");
        items.reply(kept, "kept answer");
        expireAt(kept, "#1", now + 3_600);
        expireAt(kept, "#2", now + 3_600);
        MessageId current = items.userMessage("And now?", "queued");

        List<StoredMessage> history = store.historyBefore(ref(current), new HistoryBudget(10, 100_000));

        assertThat(history).extracting(StoredMessage::content)
                .containsExactly("kept question", "kept answer");
    }

    @Test
    void anExpiredMessageIsNotClaimedAndReadsAsGone() {
        MessageId expired = items.userMessage("Hello?", "queued");
        expireAt(expired, "#1", NOW.getEpochSecond());

        assertThat(store.claim(ref(expired), NOW)).isEqualTo(Claim.missing());
        assertThat(items.messageItem(expired, "#1").get("status").s()).isEqualTo("queued");
        assertThat(items.messageItem(expired, "#1").get("attempts").n()).isEqualTo("0");
    }

    @Test
    void theReplyCarriesTheExpiryOfItsMessage() {
        MessageId id = items.userMessage("Capital of France?", "queued");
        long expiresAt = NOW.getEpochSecond() + 86_400;
        expireAt(id, "#1", expiresAt);
        UserMessage message = processing(id);

        assertThat(message.expiresAt()).isEqualTo(expiresAt);
        assertThat(store.completeWithReply(message, REPLY, NOW)).isTrue();

        assertThat(items.messageItem(id, "#2").get("expires_at").n()).isEqualTo(Long.toString(expiresAt));
    }

    @Test
    void aReplyToAMessageKeptForeverHasNoExpiry() {
        UserMessage message = processing(items.userMessage("Capital of France?", "queued"));

        assertThat(store.completeWithReply(message, REPLY, NOW)).isTrue();

        assertThat(items.messageItem(message.ref().messageId(), "#2")).doesNotContainKey("expires_at");
    }

    private void expireAt(MessageId id, String suffix, long epochSeconds) {
        dynamoDb.updateItem(u -> u.tableName(StoredItems.MESSAGES)
                .key(Map.of("pk", AttributeValue.fromS(items.partition()),
                        "sk", AttributeValue.fromS(id.value() + suffix)))
                .updateExpression("SET expires_at = :at")
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(epochSeconds)))));
    }

    @Test
    void completionWritesReplyStatusAndSessionCounterTogether() {
        UserMessage message = processing(items.userMessage("Capital of France?", "queued"));

        assertThat(store.completeWithReply(message, REPLY, NOW)).isTrue();

        assertReplyStored(message.ref().messageId());
        assertThat(items.messageItem(message.ref().messageId(), "#1").get("status").s()).isEqualTo("completed");
        assertThat(items.sessionMessageCount()).isEqualTo(2);
        assertThat(items.sessionItem().get("last_activity").s()).isEqualTo("2026-11-29T12:30:00.456Z");
    }

    @Test
    void secondCompletionOfTheSameMessageChangesNothing() {
        UserMessage message = processing(items.userMessage("Capital of France?", "queued"));
        store.completeWithReply(message, REPLY, NOW);

        boolean storedAgain = store.completeWithReply(message,
                new ModelReply("Another text", "test-model", 1, 1, Duration.ZERO), NOW.plusSeconds(1));

        assertThat(storedAgain).isFalse();
        assertThat(items.sessionMessageCount()).isEqualTo(2);
        assertThat(items.messageItem(message.ref().messageId(), "#2").get("content").s()).isEqualTo("Paris.");
    }

    @Test
    void aRegenerationRedeliveredIsAnsweredOnceAndLeavesTheReplyItAsksAgainAsItWas() {
        MessageId original = items.userMessage("Capital of France?", "completed");
        items.reply(original, "Paris, I think.");
        MessageId again = items.userMessage("Capital of France?", "queued", "root");
        UserMessage message = processing(again);

        assertThat(store.completeWithReply(message, REPLY, NOW)).isTrue();
        assertThat(store.claim(ref(again), NOW.plusSeconds(1))).as("the redelivered job's claim")
                .isEqualTo(Claim.refused(MessageStatus.COMPLETED));
        assertThat(store.completeWithReply(message, new ModelReply("Another text", "test-model", 1, 1,
                Duration.ZERO), NOW.plusSeconds(1))).isFalse();

        assertThat(items.messageItem(again, "#2").get("content").s()).isEqualTo("Paris.");
        assertThat(items.messageItem(original, "#2").get("content").s()).isEqualTo("Paris, I think.");
        assertThat(items.sessionMessageCount()).isEqualTo(2);
    }

    @Test
    void completionWithoutSessionStoresNoReply() {
        StoredItems sessionless = new StoredItems(dynamoDb);
        MessageId id = sessionless.userMessage("Anyone?", "queued");
        UserMessage message = started(store.claim(new MessageRef(sessionless.tenant, sessionless.session, id), NOW));

        assertThat(store.completeWithReply(message, REPLY, NOW)).isFalse();
        assertThat(sessionless.messageItem(id, "#2")).isEmpty();
    }

    @Test
    void failedMessageKeepsCodeAndReason() {
        UserMessage message = processing(items.userMessage("Hello?", "queued"));

        store.markFailed(message.ref(), new ReplyFailure(ErrorCode.INVALID_REQUEST, "Input is too long."), NOW);

        Map<String, AttributeValue> item = items.messageItem(message.ref().messageId(), "#1");
        assertThat(item.get("status").s()).isEqualTo("failed");
        assertThat(item.get("error_code").s()).isEqualTo("invalid_request");
        assertThat(item.get("error_message").s()).isEqualTo("Input is too long.");
    }

    @Test
    void completedMessageIsNotMarkedFailed() {
        UserMessage message = processing(items.userMessage("Hello?", "queued"));
        store.completeWithReply(message, REPLY, NOW);

        store.markFailed(message.ref(), new ReplyFailure(ErrorCode.MODEL_UNAVAILABLE, "Busy."), NOW);

        assertThat(items.messageItem(message.ref().messageId(), "#1").get("status").s()).isEqualTo("completed");
    }

    private void assertReplyStored(MessageId id) {
        Map<String, AttributeValue> reply = items.messageItem(id, "#2");
        assertThat(reply.get("role").s()).isEqualTo("assistant");
        assertThat(reply.get("status").s()).isEqualTo("completed");
        assertThat(reply.get("content").s()).isEqualTo("Paris.");
        assertThat(reply.get("message_id").s()).isEqualTo(id.value());
        assertThat(reply.get("user_id").s()).isEqualTo(items.user.value());
        assertThat(reply.get("model_id").s()).isEqualTo("test-model");
        assertThat(reply.get("input_tokens").n()).isEqualTo("42");
        assertThat(reply.get("output_tokens").n()).isEqualTo("2");
        assertThat(reply.get("created_at").s()).isEqualTo("2026-11-29T12:30:00.456Z");
    }

    private UserMessage processing(MessageId id) {
        return started(store.claim(ref(id), NOW));
    }

    private MessageRef ref(MessageId id) {
        return new MessageRef(items.tenant, items.session, id);
    }

    private static UserMessage started(Claim claim) {
        assertThat(claim.started()).as("claimed").isNotNull();
        return claim.started();
    }
}
