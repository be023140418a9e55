package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * For EVERY operation of the running service's OpenAPI document: each bad token, another tenant's valid token
 * with this tenant's ids, another user of the same tenant on a private session, and guessed or malformed ids.
 * Each is refused (or, for operations on the caller's own collection, sees and changes only the caller's data),
 * the answer is problem JSON that leaks none of the victim's data, and nothing in DynamoDB or the job queue
 * changed. The owner's own call must succeed first, so no attack passes because the request itself was wrong.
 * API keys attack every operation too: another tenant's key, another user's key of the same tenant, and revoked,
 * expired, malformed, unknown and forged keys.
 *
 * <p>Extending: a new HTTP operation fails {@link #everyDocumentedOperationHasAnIsolationCase()} until it gets a
 * line in {@link OperationCases}. WebSocket actions (not in the OpenAPI document) are attacked by
 * {@link WebSocketIsolationIntegrationTests}, which reuses {@link Attacks} and {@link DataSnapshot}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TenantIsolationIntegrationTests extends RunningApi {

    private static final Logger LOG = LoggerFactory.getLogger(TenantIsolationIntegrationTests.class);

    World world;

    @BeforeAll
    void seed() {
        Actor alice = World.actor(TOKENS, World.TENANT_A, "alice");
        Actor aliceAdmin = World.actor(TOKENS, World.TENANT_A, "alice-admin", "tenant-admin");
        Actor anna = World.actor(TOKENS, World.TENANT_A, "anna");
        Actor bob = World.actor(TOKENS, World.TENANT_B, "bob");
        Actor bobAdmin = World.actor(TOKENS, World.TENANT_B, "bob-admin", "tenant-admin");
        String aliceSecret = "alice-secret-" + UUID.randomUUID();
        String bobSecret = "bob-secret-" + UUID.randomUUID();
        // a job of alice's for GET /api/jobs/{jobId}: her erasure, before she has any data
        String aliceJob = startedJob(send(post("/api/tenants/" + alice.tenantId() + "/users/" + alice.userId()
                + "/erase", alice, null)), alice.token());
        Ids victim = conversation(alice, aliceSecret).withJobId(aliceJob);
        failMessage(victim);
        Ids attacker = conversation(bob, bobSecret);
        conversation(anna, "anna's own words");
        String sessionKey = victim.tenantId() + "#" + victim.userId() + "#" + victim.sessionId();
        String victimKey = apiKey(aliceAdmin, alice.userId(), null);
        victim = victim.withKeyId(keyId(victimKey));
        world = new World(alice, aliceAdmin, anna, bob, bobAdmin, victim,
                Set.of(victim.tenantId(), victim.userId(), victim.sessionId(), victim.messageId(), aliceSecret, sessionKey,
                        victim.keyId(), victimKey),
                attacker, Set.of(attacker.tenantId(), attacker.userId(), attacker.sessionId(), attacker.messageId(), bobSecret),
                World.operator(TOKENS), keys(aliceAdmin, alice, anna, bobAdmin, bob));
    }

    /** bob's and anna's keys, and a revoked, an expired, a malformed, an unknown and a forged one. */
    private ApiKeys keys(Actor aliceAdmin, Actor alice, Actor anna, Actor bobAdmin, Actor bob) {
        String annaKey = apiKey(aliceAdmin, anna.userId(), null);
        String revoked = apiKey(aliceAdmin, alice.userId(), null);
        HttpResponse<String> revocation = send(HttpRequest.newBuilder(uri("/api/tenants/" + alice.tenantId()
                + "/api-keys/" + keyId(revoked))).header("Authorization", "Bearer " + aliceAdmin.token()).DELETE().build());
        assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(204);
        String expired = apiKey(aliceAdmin, alice.userId(), Instant.now().plusSeconds(2));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> send(HttpRequest.newBuilder(uri("/api/sessions"))
                .header("Authorization", "Bearer " + expired).GET().build()).statusCode() == 401);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("revoked API key", revoked);
        refused.put("expired API key", expired);
        refused.put("malformed API key", "tck_" + keyId(annaKey) + "_not-a-secret");
        refused.put("unknown API key", "tck_" + "0123456789abcdef0123" + annaKey.substring(24));
        refused.put("forged API key secret", annaKey.substring(0, 30) + new StringBuilder(annaKey.substring(30)).reverse());
        return new ApiKeys(apiKey(bobAdmin, bob.userId(), null), annaKey, refused);
    }

    /** A key of the admin's tenant acting as {@code principal}, created through the API. */
    private String apiKey(Actor admin, String principal, Instant expiresAt) {
        String body = "{\"label\": \"isolation\", \"principal\": \"%s\"%s}".formatted(principal,
                expiresAt == null ? "" : ", \"expires_at\": \"" + expiresAt + "\"");
        HttpResponse<String> created = send(post("/api/tenants/" + admin.tenantId() + "/api-keys", admin, body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.secret");
    }

    private static String keyId(String key) {
        return key.substring("tck_".length(), "tck_".length() + 20);
    }

    @Test
    void everyDocumentedOperationHasAnIsolationCase() {
        Set<String> documented = ApiDocument.fetch(this).operationKeys();

        assertThat(new TreeSet<>(OperationCases.byKey().keySet()))
                .as("operations in /v3/api-docs without a case in OperationCases (left) or cases for operations "
                        + "no longer documented (right)")
                .isEqualTo(new TreeSet<>(documented));
    }

    @TestFactory
    Stream<DynamicNode> everyOperationRefusesEveryAttack(CapturedOutput logs) {
        List<String> tokensUsed = new ArrayList<>();
        Stream<DynamicNode> operations = OperationCases.ALL.stream().map(op -> DynamicContainer.dynamicContainer(op.key(),
                ownerAndAttacks(op)
                        .peek(attempt -> tokensUsed.add(attempt.bearerOrNull()))
                        .map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> check(op, attempt)))));
        DynamicTest quietLogs = DynamicTest.dynamicTest("logs contain no token and no message text", () -> {
            LOG.info("isolation suite: checking the captured log");
            assertThat(logs.getAll()).contains("isolation suite: checking the captured log")
                    .doesNotContain(world.victimSecrets().stream().filter(s -> s.startsWith("alice-secret-")).toList());
            tokensUsed.stream().filter(t -> t != null && t.length() > 40).map(TenantIsolationIntegrationTests::signature)
                    .forEach(signature -> assertThat(logs.getAll()).doesNotContain(signature));
        });
        return Stream.concat(operations, Stream.of(quietLogs));
    }

    /**
     * The owner's legitimate call first, so no attack passes because the request itself was wrong; except for a
     * DELETE, whose owner call runs last so that the attacks still meet the victim's data.
     */
    private Stream<Attempt> ownerAndAttacks(OperationCase op) {
        Stream<Attempt> owner = Stream.of(Attacks.owner(op, world));
        Stream<Attempt> attacks = Attacks.on(op, world, TOKENS).stream();
        return "DELETE".equals(op.method()) || op.ownerLast() ? Stream.concat(attacks, owner)
                : Stream.concat(owner, attacks);
    }

    /** An erasure job's id once the job completed (read as the caller that started it). */
    private String startedJob(HttpResponse<String> started, String bearer) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String jobId = JsonPath.read(started.body(), "$.job_id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(JsonPath.read(send(
                HttpRequest.newBuilder(uri("/api/jobs/" + jobId)).header("Authorization", "Bearer " + bearer).GET()
                        .build()).body(), "$.status")));
        return jobId;
    }

    /** The part of a token that never appears by chance: its signature, or for unsigned tokens the whole. */
    private static String signature(String token) {
        String signature = token.substring(token.lastIndexOf('.') + 1);
        return signature.isEmpty() ? token : signature;
    }

    /**
     * The data after the previous attempt: the attempts run one after another and nothing else writes meanwhile, so
     * it is also the data before the next one (one read per attempt instead of two).
     */
    private DataSnapshot.@Nullable Raw current;

    private void check(OperationCase op, Attempt attempt) {
        StandIns s = standIns();
        DataSnapshot.Raw beforeAll = current != null ? current : DataSnapshot.read(s.dynamoDb(), s.sqsClient(),
                s.chatQueueUrl());
        current = null; // read afresh should this attempt fail before its after-read
        HttpRequest request = op.request(this::uri, attempt.ids(), attempt.bearerOrNull());
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 202 && response.body().contains("\"job_id\"")) {
            startedJob(response, attempt.bearerOrNull());
        }
        DataSnapshot.Raw afterAll = DataSnapshot.read(s.dynamoDb(), s.sqsClient(), s.chatQueueUrl());
        current = afterAll;
        DataSnapshot before = beforeAll.select(attempt.guarded());
        DataSnapshot after = afterAll.select(attempt.guarded());

        assertThat(response.statusCode()).as("%s %s -> %s", op.key(), attempt.name(), response.body())
                .isIn(attempt.expected());
        if (response.statusCode() >= 400 && op.pathTemplate().startsWith("/v1/")) {
            // the OpenAI-compatible API refuses in OpenAI's error shape, which OpenAI clients read
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(JsonPath.<String>read(response.body(), "$.error.type")).isNotBlank();
        } else if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        String sent = op.target(attempt.ids()) + " " + op.bodyFor(attempt.ids());
        attempt.secrets().stream().filter(secret -> !sent.contains(secret))
                .forEach(secret -> assertThat(response.body()).as("answer leaks %s", secret).doesNotContain(secret));
        if (!attempt.name().equals("owner") && op.scope() == Scope.CALLER_REQUEST) {
            assertThat(after.items()).as("data changed by %s", attempt.name()).isEqualTo(before.items());
        } else if (!attempt.name().equals("owner")) {
            assertThat(after).as("data changed by %s", attempt.name()).isEqualTo(before);
        }
    }
}
