package io.tenantchat.api.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.RSAKey;
import io.tenantchat.api.credentials.RecordingDynamoDbProxy.Call;
import io.tenantchat.api.security.JwksServer;
import io.tenantchat.api.security.TestTokens;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * api-service with scoped credentials ON (role set, STS at {@link FakeSts}) and its DynamoDB traffic relayed
 * through {@link RecordingDynamoDbProxy}: every HTTP operation of tenant {@code acme} reaches DynamoDB signed only
 * with {@code acme}'s STS session credentials, every one of {@code acme-corp} only with {@code acme-corp}'s, and
 * never with the service's own key; each tenant is assumed once (cached).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScopedCredentialsIntegrationTests {

    static final String ROLE = "arn:aws:iam::123456789012:role/tenantchat-tenant-scoped";
    static final RSAKey SIGNING_KEY = TestTokens.newKey("scoped-key-1");
    static final TestTokens TOKENS = new TestTokens(SIGNING_KEY);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final DynoxideServer DYNOXIDE = DynoxideServer.start(null);
    static final DynamoDbClient DIRECT = AwsClients.dynamoDb(DYNOXIDE.endpoint());
    static final RecordingDynamoDbProxy WIRE = RecordingDynamoDbProxy.start(DYNOXIDE.endpoint());
    static final ElasticMqServer SQS = ElasticMqServer.start();
    static final JwksServer JWKS = JwksServer.start(SIGNING_KEY);
    static final FakeSts STS = FakeSts.start();

    static {
        Provisioner.createTables(DIRECT, TableNames.defaults());
        Provisioner.createQueues(AwsClients.sqs(SQS.endpoint()));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.aws.dynamodb.endpoint", () -> WIRE.endpoint().toString());
        registry.add("spring.cloud.aws.sqs.endpoint", () -> SQS.endpoint().toString());
        registry.add("spring.cloud.aws.credentials.access-key", () -> AwsClients.ACCESS_KEY);
        registry.add("spring.cloud.aws.credentials.secret-key", () -> AwsClients.SECRET_KEY);
        registry.add("spring.cloud.aws.region.static", () -> AwsClients.REGION.id());
        registry.add("tenantchat.auth.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("tenantchat.auth.jwk-set-uri", JWKS::uri);
        registry.add("tenantchat.auth.client-ids", () -> TestTokens.CLIENT_ID);
        registry.add("tenantchat.aws.scoped-credentials.role-arn", () -> ROLE);
        registry.add("tenantchat.aws.scoped-credentials.sts-endpoint", () -> STS.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        WIRE.close();
        STS.close();
        JWKS.close();
        SQS.close();
        DYNOXIDE.close();
    }

    @Test
    void everyDynamoDbCallOfATenantIsSignedWithThatTenantsScopedCredentials() {
        Set<String> operations = new TreeSet<>();
        for (String tenant : List.of("acme", "acme-corp")) {
            String other = tenant.equals("acme") ? "acme-corp" : "acme";
            String user = "user-" + UUID.randomUUID();
            String token = TOKENS.sign(TestTokens.claims(tenant, user).groups("tenant-admin"));
            WIRE.drain();

            String session = JsonPath.read(expect(201, "POST", "/api/sessions", token, null), "$.session_id");
            signedFor(tenant, other, "POST /api/sessions", operations);
            expect(200, "GET", "/api/sessions", token, null);
            signedFor(tenant, other, "GET /api/sessions", operations);
            expect(200, "GET", "/api/sessions/" + session, token, null);
            signedFor(tenant, other, "GET /api/sessions/{id}", operations);
            expect(200, "PATCH", "/api/sessions/" + session, token, "{\"title\": \"scoped\"}");
            signedFor(tenant, other, "PATCH /api/sessions/{id}", operations);
            String message = JsonPath.read(expect(202, "POST", "/api/chat", token, chat(tenant, user, session)),
                    "$.message_id");
            signedFor(tenant, other, "POST /api/chat (with Idempotency-Key)", operations);
            expect(200, "GET", "/api/chat/" + message, token, null);
            signedFor(tenant, other, "GET /api/chat/{id}", operations);
            expect(200, "GET", "/api/sessions/" + session + "/messages", token, null);
            signedFor(tenant, other, "GET /api/sessions/{id}/messages", operations);
            fail(tenant, session, message);
            WIRE.drain();
            expect(202, "POST", "/api/chat/" + message + "/retry", token, null);
            signedFor(tenant, other, "POST /api/chat/{id}/retry", operations);
            expect(200, "GET", "/api/tenants/" + tenant + "/sessions", token, null);
            signedFor(tenant, other, "GET /api/tenants/{t}/sessions", operations);
            expect(200, "GET", "/api/tenants/" + tenant + "/usage", token, null);
            signedFor(tenant, other, "GET /api/tenants/{t}/usage", operations);
            expect(204, "DELETE", "/api/sessions/" + session, token, null);
            signedFor(tenant, other, "DELETE /api/sessions/{id}", operations);
        }

        // session create and delete are transactions (the session and its user's counter), so no lone PutItem or
        // DeleteItem is left on these paths
        assertThat(operations).as("DynamoDB operations seen on the wire")
                .contains("GetItem", "UpdateItem", "Query", "TransactWriteItems", "BatchWriteItem");
        assertThat(STS.requests()).as("one AssumeRole per tenant, then cached")
                .extracting(r -> r.get("Tags.member.1.Value")).containsExactly("acme", "acme-corp");
        assertThat(STS.requests()).allSatisfy(r -> assertThat(r).containsEntry("RoleArn", ROLE));
    }

    /** The calls since the last check: at least one, each signed with {@code tenant}'s key and token only. */
    private void signedFor(String tenant, String other, String step, Set<String> operations) {
        List<Call> calls = WIRE.drain();
        assertThat(calls).as("%s of %s reached DynamoDB", step, tenant).isNotEmpty();
        assertThat(calls).as("%s of %s", step, tenant).allSatisfy(call -> {
            assertThat(call.accessKeyId()).as("%s access key", call.operation()).matches("ASIA-" + tenant + "-\\d+");
            assertThat(call.sessionToken()).as("%s session token", call.operation()).isEqualTo("token-" + tenant);
            assertThat(call.body()).as("%s keys are %s's", call.operation(), tenant)
                    .containsAnyOf("\"" + tenant + "#", "\"" + tenant + "\"")
                    .doesNotContain("\"" + other + "#", "\"" + other + "\"");
        });
        calls.forEach(call -> operations.add(call.operation()));
    }

    private static String chat(String tenant, String user, String session) {
        return """
                {"message": "hello", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(tenant, user, session);
    }

    /** No worker runs here: the message ends failed, so its owner may retry it (written with the test's key). */
    private static void fail(String tenant, String session, String message) {
        DIRECT.updateItem(u -> u.tableName(TableNames.defaults().messages())
                .key(Map.of("pk", AttributeValue.fromS(tenant + "#" + session),
                        "sk", AttributeValue.fromS(message + "#1")))
                .updateExpression("SET #status = :failed, error_code = :code, error_message = :reason")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":failed", AttributeValue.fromS("failed"),
                        ":code", AttributeValue.fromS("model_unavailable"),
                        ":reason", AttributeValue.fromS("The model is unavailable."))));
        // as the worker does when a message fails: its quota hold gives back its in-flight slot and tokens
        DIRECT.updateItem(u -> u.tableName(TableNames.defaults().tenants())
                .key(Map.of("tenant_id", AttributeValue.fromS(tenant), "sk", AttributeValue.fromS("hold#" + message)))
                .updateExpression("REMOVE in_flight, reserved"));
    }

    private String expect(int status, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(status);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
