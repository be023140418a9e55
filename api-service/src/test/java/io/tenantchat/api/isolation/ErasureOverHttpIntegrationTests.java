package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.api.erasure.ErasurePortFakes;
import io.tenantchat.api.erasure.domain.ErasureStep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erasure over HTTP against dynoxide: two tenants, two users of one; erasing one user removes exactly that user's
 * sessions, messages, lookups, idempotency items, counter and API keys (the certificate says so), and every other
 * item of every table but the jobs and audit tables is byte-identical before and after. A job stopped half-way is
 * taken over and finishes once; off-boarding removes one tenant and leaves the other; a job is visible only to the
 * caller that started it.
 */
@DirtiesContext // its sweeper runs every 500 ms: closed after this class, so no later class counts its queries
class ErasureOverHttpIntegrationTests extends RunningApi {

    private static final List<String> JOB_TABLES = List.of("tenant-jobs", "tenant-audit");

    /** Takeovers within a second of a lease running out (the tests' default sweeps once an hour). */
    @DynamicPropertySource
    static void sweepOften(DynamicPropertyRegistry registry) {
        registry.add("tenantchat.erasure.sweep-interval", () -> "500ms");
    }

    @AfterEach
    void noCrashLeftArmed() {
        ErasurePortFakes.CRASH_ONCE_AFTER.set(null);
    }

    @Test
    void erasingOneUserRemovesOnlyThatUsersDataAndCertifiesTheCounts() {
        String tenantA = "tenant-er-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantB = "tenant-er-" + UUID.randomUUID().toString().substring(0, 8);
        Actor erased = World.actor(TOKENS, tenantA, "erased");
        Actor colleague = World.actor(TOKENS, tenantA, "colleague");
        Actor adminA = World.actor(TOKENS, tenantA, "admin", "tenant-admin");
        Actor other = World.actor(TOKENS, tenantB, "other");
        Actor adminB = World.actor(TOKENS, tenantB, "admin", "tenant-admin");
        chatWithKey(erased, "idem-" + UUID.randomUUID());
        conversation(erased, "a second conversation");
        conversation(colleague, "the colleague's words");
        conversation(other, "the other tenant's words");
        apiKey(adminA, erased.userId());
        apiKey(adminA, colleague.userId());
        apiKey(adminB, other.userId());
        Predicate<Map<String, AttributeValue>> erasedUsers = DataSnapshot.ofUser(tenantA, erased.userId());
        Map<String, List<String>> before = othersData(erasedUsers, tenantA);

        HttpResponse<String> started = send(post("/api/tenants/" + tenantA + "/users/" + erased.userId() + "/erase",
                erased, null));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String jobId = JsonPath.read(started.body(), "$.job_id");
        assertThat(started.headers().firstValue("Location")).hasValue("/api/jobs/" + jobId);
        String job = completed(jobId, erased);
        assertThat(JsonPath.<Map<String, Object>>read(job, "$.certificate.removed")).containsAllEntriesOf(Map.of(
                "sessions", 2, "messages", 2, "lookups", 2, "idempotency_items", 1, "session_counters", 1,
                "api_keys", 1, "tenant_items", 0));
        assertThat(JsonPath.<String>read(job, "$.certificate.subject.user_id")).isEqualTo(erased.userId());
        assertThat(JsonPath.<String>read(job, "$.certificate.actor")).isEqualTo(tenantA + "/" + erased.userId());
        assertThat(othersData(erasedUsers, tenantA)).isEqualTo(before);
        assertThat(itemsOf(erasedUsers)).isEmpty();
        HttpResponse<String> audit = send(HttpRequest.newBuilder(uri("/api/tenants/" + tenantA + "/audit"))
                .header("Authorization", "Bearer " + adminA.token()).GET().build());
        assertThat(JsonPath.<List<String>>read(audit.body(), "$.entries[*].action")).contains("user.erased");
        for (Actor stranger : List.of(colleague, adminA, other, adminB)) {
            assertThat(getJob(jobId, stranger).statusCode()).as(stranger.userId()).isEqualTo(404);
        }
    }

    @Test
    void aJobStoppedHalfWayIsTakenOverAndFinishesOnceWithCountsThatAddUp() {
        String tenant = "tenant-er-" + UUID.randomUUID().toString().substring(0, 8);
        Actor user = World.actor(TOKENS, tenant, "crashing");
        Actor admin = World.actor(TOKENS, tenant, "admin", "tenant-admin");
        conversation(user, "one");
        conversation(user, "two");
        apiKey(admin, user.userId());
        ErasurePortFakes.CRASH_ONCE_AFTER.set(ErasureStep.SESSIONS);

        HttpResponse<String> started = send(post("/api/tenants/" + tenant + "/users/" + user.userId() + "/erase",
                admin, null));

        String jobId = JsonPath.read(started.body(), "$.job_id");
        String job = completed(jobId, admin);
        assertThat(ErasurePortFakes.CRASH_ONCE_AFTER.get()).as("the crash happened").isNull();
        assertThat(JsonPath.<Integer>read(job, "$.takeovers")).isEqualTo(1);
        assertThat(JsonPath.<Map<String, Object>>read(job, "$.certificate.removed")).containsAllEntriesOf(Map.of(
                "sessions", 2, "messages", 2, "lookups", 2, "session_counters", 1, "api_keys", 1));
        assertThat(itemsOf(DataSnapshot.ofUser(tenant, user.userId()))).isEmpty();
    }

    @Test
    void aSecondRequestAfterCompletionStartsANewJobThatFindsNothing() {
        String tenant = "tenant-er-" + UUID.randomUUID().toString().substring(0, 8);
        Actor user = World.actor(TOKENS, tenant, "twice");
        conversation(user, "once");
        String first = JsonPath.read(send(post("/api/tenants/" + tenant + "/users/" + user.userId() + "/erase",
                user, null)).body(), "$.job_id");
        completed(first, user);

        String second = JsonPath.read(send(post("/api/tenants/" + tenant + "/users/" + user.userId() + "/erase",
                user, null)).body(), "$.job_id");

        assertThat(second).isNotEqualTo(first);
        assertThat(JsonPath.<Map<String, Object>>read(completed(second, user), "$.certificate.removed"))
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(0));
    }

    @Test
    void offboardingRemovesTheTenantAndLeavesTheOther() {
        String leaving = "tenant-er-" + UUID.randomUUID().toString().substring(0, 8);
        String staying = "tenant-er-" + UUID.randomUUID().toString().substring(0, 8);
        Actor operator = World.operator(TOKENS);
        HttpResponse<String> plan = send(HttpRequest.newBuilder(uri("/api/admin/tenants/" + leaving))
                .header("Authorization", "Bearer " + operator.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"leaving\", \"tier\": \"open\"}")).build());
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        Actor one = World.actor(TOKENS, leaving, "one");
        Actor two = World.actor(TOKENS, leaving, "two");
        Actor adminL = World.actor(TOKENS, leaving, "admin", "tenant-admin");
        Actor stays = World.actor(TOKENS, staying, "stays");
        conversation(one, "leaving one");
        conversation(two, "leaving two");
        conversation(stays, "staying");
        apiKey(adminL, one.userId());
        Predicate<Map<String, AttributeValue>> leavingItems = DataSnapshot.ofTenant(leaving);
        long tenantItems = standIns().dynamoDb().query(q -> q.tableName("tenants").keyConditionExpression("tenant_id = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(leaving)))).count();
        Map<String, List<String>> before = othersData(leavingItems, leaving);

        HttpResponse<String> started = send(post("/api/admin/tenants/" + leaving + "/offboard", operator, null));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = completed(JsonPath.read(started.body(), "$.job_id"), operator);
        assertThat(JsonPath.<Map<String, Object>>read(job, "$.certificate.removed")).containsAllEntriesOf(Map.of(
                "sessions", 2, "messages", 2, "lookups", 2, "session_counters", 2, "api_keys", 1,
                "tenant_items", (int) tenantItems));
        assertThat(itemsOf(leavingItems)).isEmpty();
        assertThat(othersData(leavingItems, leaving)).isEqualTo(before);
        // registered again later (here: an unregistered tenant gets the default tier), its quota items start afresh
        conversation(World.actor(TOKENS, leaving, "returning"), "back again");
    }

    @Test
    void erasureIsRefusedToAnotherUserAnotherTenantAndApiKeys() {
        String tenant = "tenant-er-" + UUID.randomUUID().toString().substring(0, 8);
        Actor victim = World.actor(TOKENS, tenant, "victim");
        Actor colleague = World.actor(TOKENS, tenant, "colleague");
        Actor stranger = World.actor(TOKENS, "tenant-er-other", "stranger", "tenant-admin");
        Actor admin = World.actor(TOKENS, tenant, "admin", "tenant-admin");
        String key = apiKey(admin, victim.userId());
        String path = "/api/tenants/" + tenant + "/users/" + victim.userId() + "/erase";

        assertThat(send(post(path, colleague, null)).statusCode()).isEqualTo(403);
        assertThat(send(post(path, stranger, null)).statusCode()).isEqualTo(403);
        HttpResponse<String> byKey = send(post(path, new Actor(tenant, victim.userId(), key), null));
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(403);
        assertThat(byKey.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send(post("/api/tenants/" + tenant + "/users/not%20a%20user/erase", admin, null)).statusCode())
                .isEqualTo(400);
        assertThat(getJob("not-a-job", victim).statusCode()).isEqualTo(404);
    }

    private String completed(String jobId, Actor starter) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "completed".equals(
                JsonPath.read(getJob(jobId, starter).body(), "$.status")));
        return getJob(jobId, starter).body();
    }

    private HttpResponse<String> getJob(String jobId, Actor caller) {
        return send(HttpRequest.newBuilder(uri("/api/jobs/" + jobId)).header("Authorization", "Bearer " + caller.token())
                .GET().build());
    }

    private void chatWithKey(Actor actor, String idempotencyKey) {
        String session = JsonPath.read(send(post("/api/sessions", actor, null)).body(), "$.session_id");
        String body = OperationCases.chatBody(new Ids(actor.tenantId(), actor.userId(), session, null));
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Authorization", "Bearer " + actor.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    private String apiKey(Actor admin, String principal) {
        HttpResponse<String> created = send(post("/api/tenants/" + admin.tenantId() + "/api-keys", admin,
                "{\"label\": \"erasure\", \"principal\": \"%s\"}".formatted(principal)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.secret");
    }

    /** The erased subject's items left in the data tables. */
    private static List<String> itemsOf(Predicate<Map<String, AttributeValue>> subject) {
        StandIns s = standIns();
        return DataSnapshot.read(s.dynamoDb(), s.sqsClient(), s.chatQueueUrl()).select(subject).items().entrySet()
                .stream().filter(table -> !JOB_TABLES.contains(table.getKey()))
                .flatMap(table -> table.getValue().stream().map(item -> table.getKey() + " " + item)).toList();
    }

    /**
     * Every item of every data table except the subject's, byte for byte; the subject tenant's quota items are left
     * out too (an erasure gives back the holds of the messages it deletes).
     */
    private static Map<String, List<String>> othersData(Predicate<Map<String, AttributeValue>> subject, String tenant) {
        StandIns s = standIns();
        Map<String, List<String>> items = new TreeMap<>(DataSnapshot.read(s.dynamoDb(), s.sqsClient(), s.chatQueueUrl())
                .select(subject.negate().and(item -> !(item.containsKey("sk") && item.get("tenant_id") != null
                        && tenant.equals(item.get("tenant_id").s()) && !item.containsKey("pk")))).items());
        JOB_TABLES.forEach(items::remove);
        return items;
    }
}
