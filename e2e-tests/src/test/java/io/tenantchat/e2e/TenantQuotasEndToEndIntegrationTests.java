package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quotas through running services: two api-service instances share the tenant's counters. Plans are written into
 * the tenants table as {@code PUT /api/admin/tenants/{id}} stores them (the local user pool has no platform
 * operator).
 */
class TenantQuotasEndToEndIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static LocalSystem system;
    static URI secondApi;
    static DynamoDbClient dynamoDb;
    static Conversations chats;

    @BeforeAll
    static void startSystem() {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        system = LocalSystem.start(new LocalSystem.Options(null, false, repoRoot, Path.of("target", "service-logs-quotas")));
        secondApi = system.startApiInstance();
        dynamoDb = AwsClients.dynamoDb(system.dynamoDbEndpoint());
        chats = new Conversations(new ApiClient(system.apiBaseUrl()));
    }

    @AfterAll
    static void stopSystem() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void twoApiInstancesAcceptExactlyTheDailyCapOutOf200ConcurrentMessages() throws Exception {
        TestUser user = system.user("tenant-cap", "cap@tenant-cap.example");
        register("tenant-cap", 50, 1_000_000);
        List<String> sessions = IntStream.range(0, 10).mapToObj(i -> chats.startSession(user)).toList();

        List<HttpResponse<String>> answers = concurrently(200, 32, i -> post(i % 2 == 0 ? system.apiBaseUrl() : secondApi,
                user, sessions.get(i % sessions.size()), "message " + i));

        assertThat(answers.stream().filter(a -> a.statusCode() == 202)).hasSize(50);
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() != 202).toList();
        assertThat(refused).hasSize(150).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(a.body()).path("code").asString()).isEqualTo("daily_message_limit");
            assertThat(a.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(a.headers().firstValue("RateLimit-Limit")).contains("50");
            assertThat(a.headers().firstValue("RateLimit-Remaining")).contains("0");
            assertThat(a.headers().firstValueAsLong("Retry-After").orElse(0)).isPositive();
        });
        JsonNode usage = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> subscription(user).path("usage"), u -> u.path("in_flight").asLong() == 0);
        assertThat(usage.path("messages_today").asLong()).isEqualTo(50);
        assertThat(usage.path("tokens_reserved").asLong()).as("every reservation settled").isZero();
        assertThat(usage.path("tokens_used").asLong()).isPositive();
    }

    /** The plan item as DynamoDbTenantDirectory stores it: generous except for the two limits under test. */
    private static void register(String tenant, int messagesPerDay, int maxInFlight) {
        Map<String, AttributeValue> plan = new HashMap<>();
        plan.put("tenant_id", AttributeValue.fromS(tenant));
        plan.put("sk", AttributeValue.fromS("plan"));
        plan.put("name", AttributeValue.fromS(tenant));
        plan.put("tier", AttributeValue.fromS("premium"));
        plan.put("messages_per_day", n(messagesPerDay));
        plan.put("messages_per_month", n(10_000_000));
        plan.put("concurrent_sessions", n(100_000));
        plan.put("monthly_tokens", n(1_000_000_000));
        plan.put("requests_per_second", n(100_000));
        plan.put("max_in_flight", n(maxInFlight));
        dynamoDb.putItem(p -> p.tableName(system.tables().tenants()).item(plan));
    }

    private static JsonNode subscription(TestUser user) {
        return JSON.readTree(get(system.apiBaseUrl(), user, "/api/tenants/" + user.tenantId() + "/subscription").body());
    }

    private static HttpResponse<String> post(URI base, TestUser user, String session, String text) {
        return send(HttpRequest.newBuilder(base.resolve("/api/chat")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.idToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Conversations.body(user, session, text))).build());
    }

    private static HttpResponse<String> get(URI base, TestUser user, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.idToken()).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    interface Call {
        HttpResponse<String> run(int i);
    }

    private static List<HttpResponse<String>> concurrently(int n, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<HttpResponse<String>>> calls = IntStream.range(0, n)
                    .<Callable<HttpResponse<String>>>mapToObj(i -> () -> call.run(i)).toList();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
