package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.tenantchat.awsmetrics.AwsRequestCounter;
import io.tenantchat.localstack.provision.TableNames;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Accepting a message costs two AWS requests: one {@code TransactWriteItems} (session ownership, every quota, the
 * message, its idempotency key and its hold) and one {@code SendMessage}, counted by the SDK interceptor every AWS
 * client of this JVM carries ({@link AwsRequestCounter}); and every refusal of that one write is still answered
 * exactly as before (404 unknown session, 429 per limit, the original 202 for a repeated key, 400 for a reused one).
 * The message's retention comes from the same cached plan (with the tenant's profile), so it costs no request either.
 */
class AcceptInTwoAwsCallsIntegrationTests extends GuardedApi {

    private static final String MESSAGE = """
            {"message": "%s", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}""";

    @Test
    void acceptingAMessageCostsOneTransactWriteItemsAndOneSendMessage() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String session = newSession(alice);
        assertThat(chat(alice, session, "warm-up", null).statusCode()).isEqualTo(202); // plan read once per instance

        Map<String, Long> calls = awsRequestsDuring(() -> chat(alice, session, "counted", null));
        Map<String, Long> withKey = awsRequestsDuring(() -> chat(alice, session, "counted", "key-" + UUID.randomUUID()));

        assertThat(calls).isEqualTo(Map.of("TransactWriteItems", 1L, "SendMessage", 1L));
        assertThat(withKey).isEqualTo(Map.of("TransactWriteItems", 1L, "SendMessage", 1L));
    }

    @Test
    void retryingAFailedMessageWritesOnceAndSendsOnce() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        Ids ids = conversation(alice, "fails first");
        failMessage(ids);

        HttpResponse<String>[] retried = new HttpResponse[1];
        Map<String, Long> calls = awsRequestsDuring(() -> retried[0] = send(post("/api/chat/" + ids.messageId() + "/retry",
                alice, null)));

        assertThat(retried[0].statusCode()).as(retried[0].body()).isEqualTo(202);
        // the message's lookup and its text are read (the retry names only the message); one write; one send
        assertThat(calls).isEqualTo(Map.of("GetItem", 1L, "Query", 1L, "TransactWriteItems", 1L, "SendMessage", 1L));
    }

    @Test
    void aRetryPastTheInFlightCapIs429AndTheMessageStaysFailed() {
        // failMessage empties the hold but leaves the tenant's in-flight counter as it is: two slots are taken
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"max_in_flight\": 2}"), "alice");
        Ids failed = conversation(alice, "fails first");
        failMessage(failed);
        assertThat(chat(alice, failed.sessionId(), "takes the last slot", null).statusCode()).isEqualTo(202);

        HttpResponse<String> refused = send(post("/api/chat/" + failed.messageId() + "/retry", alice, null));

        assertRefused(refused, "too_many_in_flight", "2");
        assertThat((String) JsonPath.read(get("/api/chat/" + failed.messageId(), alice).body(), "$.status"))
                .isEqualTo("failed");
    }

    @Test
    void aMessageToAnUnknownSessionIs404AndTakesNoQuota() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"max_in_flight\": 1}"), "alice");
        String session = newSession(alice);

        HttpResponse<String> unknown = chat(alice, UUID.randomUUID().toString(), "hi", null);

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"session_not_found\"");
        assertThat(chat(alice, session, "hi", null).statusCode()).as("the refused message took no in-flight slot")
                .isEqualTo(202);
    }

    @Test
    void anotherTenantsSessionIs404AndTakesNoQuota() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"max_in_flight\": 1}"), "alice");
        Actor bob = World.actor(TOKENS, registeredTenant("open", null), "bob");
        String bobs = newSession(bob);

        HttpResponse<String> refused = chat(alice, bobs, "hi", null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
        assertThat(refused.body()).contains("\"code\":\"session_not_found\"");
        assertThat(chat(alice, newSession(alice), "hi", null).statusCode()).isEqualTo(202);
    }

    @Test
    void aSecondMessageBeyondMaxInFlightIs429TooManyInFlight() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"max_in_flight\": 1}"), "alice");
        String session = newSession(alice);
        assertThat(chat(alice, session, "hi", null).statusCode()).isEqualTo(202);

        assertRefused(chat(alice, session, "hi", null), "too_many_in_flight", "1");
    }

    @Test
    void aMessagePastTheDailyLimitIs429DailyMessageLimit() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"messages_per_day\": 1}"), "alice");
        String session = newSession(alice);
        assertThat(chat(alice, session, "hi", null).statusCode()).isEqualTo(202);

        assertRefused(chat(alice, session, "hi", null), "daily_message_limit", "1");
    }

    @Test
    void aMessagePastTheTokenBudgetIs429TokenBudgetExhausted() {
        // "hi" reserves 2,024 tokens: the first fits 3,000, the second would pass it
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"monthly_tokens\": 3000}"), "alice");
        String session = newSession(alice);
        assertThat(chat(alice, session, "hi", null).statusCode()).isEqualTo(202);

        assertRefused(chat(alice, session, "hi", null), "token_budget_exhausted", "3000");
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheOriginal202AndTakesNothingMore() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"messages_per_day\": 2}"), "alice");
        String session = newSession(alice);
        String key = "key-" + UUID.randomUUID();

        HttpResponse<String> first = chat(alice, session, "hi", key);
        HttpResponse<String> again = chat(alice, session, "hi", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat((String) JsonPath.read(again.body(), "$.message_id"))
                .isEqualTo(JsonPath.read(first.body(), "$.message_id"));
        assertThat(chat(alice, session, "hi", null).statusCode()).as("the repeat took no message of the day")
                .isEqualTo(202);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherSessionIs400() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", null), "alice");
        String key = "key-" + UUID.randomUUID();
        assertThat(chat(alice, newSession(alice), "hi", key).statusCode()).isEqualTo(202);

        HttpResponse<String> reused = chat(alice, newSession(alice), "hi", key);

        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(400);
        assertThat(reused.body()).contains("\"code\":\"idempotency_key_reused\"");
    }

    @Test
    void aPlanChangedByAnOperatorHoldsForTheNextMessageAtOnce() {
        String tenant = registeredTenant("open", "{\"messages_per_day\": 100}");
        Actor alice = World.actor(TOKENS, tenant, "alice");
        String session = newSession(alice);
        assertThat(chat(alice, session, "hi", null).statusCode()).isEqualTo(202); // the plan is now cached

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/api/admin/tenants/" + tenant))
                .header("Authorization", "Bearer " + World.operator(TOKENS).token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"%s\", \"tier\": \"open\", \"limits\": {\"messages_per_day\": 1}}"
                        .formatted(tenant))).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        assertRefused(chat(alice, session, "hi", null), "daily_message_limit", "1");
    }

    @Test
    void eachTenantsMessagesExpireAfterItsProfilesRetentionElseItsTiersDefault() {
        Actor own = World.actor(TOKENS, registeredTenant("open", null), "alice");
        HttpResponse<String> saved = putProfile(own.tenantId(), "{\"retention_days\": 3}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        Actor premium = World.actor(TOKENS, registeredTenant("premium", null), "bob");
        Actor open = World.actor(TOKENS, registeredTenant("open", null), "carol");

        Ids ownMessage = conversation(own, "kept three days");
        Ids premiumMessage = conversation(premium, "kept as long as the tier says");
        Ids openMessage = conversation(open, "kept forever");

        assertThat(storedDays(ownMessage)).as("the profile's retention_days").isEqualTo(3);
        assertThat(storedDays(premiumMessage)).as("the premium tier's default").isEqualTo(PREMIUM_RETENTION_DAYS);
        assertThat(messageItem(openMessage)).as("open has no default and RETENTION_DAYS is 0: kept forever")
                .doesNotContainKey("expires_at");
    }

    @Test
    void aProfileSavedWithANewRetentionHoldsForTheNextMessageAtOnceAndTheAcceptStaysTwoCalls() {
        Actor alice = World.actor(TOKENS, registeredTenant("premium", null), "alice");
        String session = newSession(alice);
        Ids before = accepted(alice, session, chat(alice, session, "warm-up", null)); // plan and profile now cached
        assertThat(storedDays(before)).isEqualTo(PREMIUM_RETENTION_DAYS);

        HttpResponse<String> saved = putProfile(alice.tenantId(), "{\"retention_days\": 5}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        HttpResponse<String>[] next = new HttpResponse[2];
        Map<String, Long> first = awsRequestsDuring(() -> next[0] = chat(alice, session, "after the change", null));
        Map<String, Long> second = awsRequestsDuring(() -> next[1] = chat(alice, session, "and after that", null));

        assertThat(storedDays(accepted(alice, session, next[0]))).as("the saved profile, at once").isEqualTo(5);
        assertThat(storedDays(accepted(alice, session, next[1]))).isEqualTo(5);
        // a saved profile is announced as a plan change, after which an instance also makes sure of the tenant's
        // live item once more (an off-boarding, announced the same way, deletes it)
        assertThat(first).as("the dropped cache is read again: plan and profile in one Query; the live item ensured")
                .isEqualTo(Map.of("Query", 1L, "UpdateItem", 1L, "TransactWriteItems", 1L, "SendMessage", 1L));
        assertThat(second).isEqualTo(Map.of("TransactWriteItems", 1L, "SendMessage", 1L));
    }

    private static Ids accepted(Actor actor, String session, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new Ids(actor.tenantId(), actor.userId(), session, JsonPath.read(response.body(), "$.message_id"));
    }

    /** The user message's item as stored. */
    private static Map<String, AttributeValue> messageItem(Ids ids) {
        return standIns().dynamoDb().getItem(g -> g.tableName(TableNames.defaults().messages()).key(Map.of(
                "pk", AttributeValue.fromS(ids.tenantId() + "#" + ids.sessionId()),
                "sk", AttributeValue.fromS(ids.messageId() + "#1")))).item();
    }

    /** How many days after the message's own time its stored {@code expires_at} lies (exact to the second). */
    private static long storedDays(Ids ids) {
        Map<String, AttributeValue> item = messageItem(ids);
        assertThat(item).as("message %s", ids.messageId()).containsKey("expires_at");
        long expiresAt = Long.parseLong(item.get("expires_at").n());
        long sent = Instant.parse(item.get("created_at").s()).getEpochSecond();
        Duration kept = Duration.ofSeconds(expiresAt - sent);
        assertThat(kept.toSecondsPart() + kept.toMinutesPart() + kept.toHoursPart()).as("whole days").isZero();
        return kept.toDays();
    }

    private HttpResponse<String> chat(Actor actor, String session, String text, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/chat"))
                .header("Authorization", "Bearer " + actor.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MESSAGE.formatted(text, actor.tenantId(), actor.userId(),
                        session)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = send(request.build());
        return response;
    }

    /** The AWS requests (by operation) this JVM sent while {@code action} ran. */
    private static Map<String, Long> awsRequestsDuring(Supplier<?> action) {
        Map<String, Long> before = awsRequests();
        Object result = action.get();
        if (result instanceof HttpResponse<?> response) {
            assertThat(response.statusCode()).as(String.valueOf(response.body())).isEqualTo(202);
        }
        Map<String, Long> after = awsRequests();
        Map<String, Long> during = new TreeMap<>();
        after.forEach((operation, count) -> {
            long delta = count - before.getOrDefault(operation, 0L);
            if (delta != 0) {
                during.put(operation, delta);
            }
        });
        return during;
    }

    private static Map<String, Long> awsRequests() {
        Map<String, Long> byOperation = new TreeMap<>();
        for (Counter counter : Metrics.globalRegistry.find(AwsRequestCounter.METER).counters()) {
            byOperation.merge(counter.getId().getTag("operation"), (long) counter.count(), Long::sum);
        }
        return byOperation;
    }

    private static void assertRefused(HttpResponse<String> refused, String code, String limit) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"" + code + "\"");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue(limit);
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }
}
