package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.RSAKey;
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
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * api-service on a random port against dynoxide and ElasticMQ, verifying tokens against a JWKS endpoint the test
 * controls, so tests can mint valid tokens for any tenant and every kind of bad one. Subclasses share one
 * application context and one set of stand-ins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningApi {

    static final RSAKey SIGNING_KEY = TestTokens.newKey("isolation-key-1");
    static final TestTokens TOKENS = new TestTokens(SIGNING_KEY);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static StandIns standIns;

    @LocalServerPort
    int port;

    record StandIns(DynoxideServer dynoxide, ElasticMqServer sqs, JwksServer jwks, DynamoDbClient dynamoDb,
            SqsClient sqsClient, String chatQueueUrl) {
    }

    static synchronized StandIns standIns() {
        if (standIns == null) {
            DynoxideServer dynoxide = DynoxideServer.start(null);
            ElasticMqServer sqs = ElasticMqServer.start();
            DynamoDbClient dynamoDb = AwsClients.dynamoDb(dynoxide.endpoint());
            SqsClient sqsClient = AwsClients.sqs(sqs.endpoint());
            Provisioner.createTables(dynamoDb, TableNames.defaults());
            String queueUrl = Provisioner.createQueues(sqsClient).chatRequests();
            standIns = new StandIns(dynoxide, sqs, JwksServer.start(SIGNING_KEY), dynamoDb, sqsClient, queueUrl);
        }
        return standIns;
    }

    @DynamicPropertySource
    static void standInProperties(DynamicPropertyRegistry registry) {
        StandIns s = standIns();
        registry.add("spring.cloud.aws.dynamodb.endpoint", () -> s.dynoxide().endpoint().toString());
        registry.add("spring.cloud.aws.sqs.endpoint", () -> s.sqs().endpoint().toString());
        registry.add("spring.cloud.aws.credentials.access-key", () -> AwsClients.ACCESS_KEY);
        registry.add("spring.cloud.aws.credentials.secret-key", () -> AwsClients.SECRET_KEY);
        registry.add("spring.cloud.aws.region.static", () -> AwsClients.REGION.id());
        registry.add("tenantchat.auth.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("tenantchat.auth.jwk-set-uri", () -> s.jwks().uri());
        registry.add("tenantchat.auth.client-ids", () -> TestTokens.CLIENT_ID);
        registry.add("tenantchat.web.max-request-body", () -> "256KB");
        registry.add("tenantchat.stream.auth-timeout", () -> "2s");
        registry.add("tenantchat.openai.completion-timeout", () -> "1s");
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The message ends failed (no worker runs here), so its owner may retry it. */
    static void failMessage(Ids ids) {
        standIns().dynamoDb().updateItem(u -> u.tableName(TableNames.defaults().messages())
                .key(Map.of("pk", AttributeValue.fromS(ids.tenantId() + "#" + ids.sessionId()),
                        "sk", AttributeValue.fromS(ids.messageId() + "#1")))
                .updateExpression("SET #status = :failed, error_code = :code, error_message = :reason")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":failed", AttributeValue.fromS("failed"),
                        ":code", AttributeValue.fromS("model_unavailable"),
                        ":reason", AttributeValue.fromS("The model is unavailable."))));
        // as the worker does when a message fails: its quota hold gives back its in-flight slot and tokens
        standIns().dynamoDb().updateItem(u -> u.tableName(TableNames.defaults().tenants())
                .key(Map.of("tenant_id", AttributeValue.fromS(ids.tenantId()), "sk", AttributeValue.fromS("hold#" + ids.messageId())))
                .updateExpression("REMOVE in_flight, reserved"));
    }

    /** A session and one message with {@code text}, created through the API as {@code actor}. */
    Ids conversation(Actor actor, String text) {
        String session = JsonPath.read(send(post("/api/sessions", actor, null)).body(), "$.session_id");
        Ids ids = new Ids(actor.tenantId(), actor.userId(), session, null);
        String body = OperationCases.chatBody(ids).replace("hello from the isolation suite", text);
        HttpResponse<String> accepted = send(post("/api/chat", actor, body));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return new Ids(actor.tenantId(), actor.userId(), session, JsonPath.read(accepted.body(), "$.message_id"));
    }

    HttpRequest post(String path, Actor actor, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + actor.token())
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
