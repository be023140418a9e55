package io.tenantchat.api.session.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.session.config.SessionTableProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbConversationEraserIntegrationTests {

    static final String TABLE = "tenant-messages";
    static final TenantId T1 = TenantId.of("tenant-001");
    static final TenantId T2 = TenantId.of("tenant-002");

    static DynoxideServer dynoxide;
    static DynamoDbClient dynamo;
    static DynamoDbConversationEraser eraser;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        dynamo = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(dynamo, TableNames.defaults());
        eraser = new DynamoDbConversationEraser(TenantDynamoDb.serviceCredentials(dynamo), new SessionTableProperties("tenant-sessions", TABLE));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        dynoxide.close();
    }

    @Test
    void erasesMessagesRepliesAndLookupsOfTheConversation() {
        SessionId session = SessionId.random();
        String message = storeExchange(T1, session);

        eraser.erase(T1, session);

        assertThat(item(T1.value() + "#" + session.value(), message + "#1")).isEmpty();
        assertThat(item(T1.value() + "#" + session.value(), message + "#2")).isEmpty();
        assertThat(item(T1.value() + "#message#" + message, "ref")).isEmpty();
    }

    @Test
    void reportsTheErasedMessagesThatHadNotEndedSoTheirQuotaHoldsCanBeGivenBack() {
        SessionId session = SessionId.random();
        String queued = storeUserMessage(T1, session, "queued");
        String processing = storeUserMessage(T1, session, "processing");
        storeUserMessage(T1, session, "completed");
        storeUserMessage(T1, session, "failed");

        assertThat(eraser.erase(T1, session)).extracting(MessageId::value)
                .containsExactlyInAnyOrder(queued, processing);
    }

    @Test
    void leavesOtherConversationsAndOtherTenantsAlone() {
        SessionId session = SessionId.random();
        storeExchange(T1, session);
        String sameIdOtherTenant = storeExchange(T2, session);
        String otherConversation = storeExchange(T1, SessionId.random());

        eraser.erase(T1, session);

        assertThat(item(T2.value() + "#" + session.value(), sameIdOtherTenant + "#1")).isNotEmpty();
        assertThat(item(T2.value() + "#message#" + sameIdOtherTenant, "ref")).isNotEmpty();
        assertThat(item(T1.value() + "#message#" + otherConversation, "ref")).isNotEmpty();
    }

    @Test
    void erasesConversationsLongerThanOneBatch() {
        SessionId session = SessionId.random();
        IntStream.range(0, 30).forEach(i -> storeExchange(T1, session));

        eraser.erase(T1, session);

        assertThat(dynamo.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(T1.value() + "#" + session.value()))))
                .count()).isZero();
    }

    @Test
    void erasingAnErasedConversationDoesNothing() {
        SessionId session = SessionId.random();
        storeExchange(T1, session);
        eraser.erase(T1, session);

        eraser.erase(T1, session);

        assertThat(dynamo.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(T1.value() + "#" + session.value()))))
                .count()).isZero();
    }

    /** A user message, its reply and its lookup item, as api-service and the worker write them. */
    private static String storeExchange(TenantId tenant, SessionId session) {
        String message = UUID.randomUUID().toString();
        String conversation = tenant.value() + "#" + session.value();
        put(conversation, message + "#1", tenant, message, "user");
        put(conversation, message + "#2", tenant, message, "assistant");
        put(tenant.value() + "#message#" + message, "ref", tenant, message, null);
        return message;
    }

    private static String storeUserMessage(TenantId tenant, SessionId session, String status) {
        String message = UUID.randomUUID().toString();
        put(tenant.value() + "#" + session.value(), message + "#1", tenant, message, "user");
        dynamo.updateItem(u -> u.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(tenant.value() + "#"
                + session.value()), "sk", AttributeValue.fromS(message + "#1"))).updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status))));
        return message;
    }

    private static void put(String pk, String sk, TenantId tenant, String message, String role) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS(sk), "tenant_id", AttributeValue.fromS(tenant.value()),
                "message_id", AttributeValue.fromS(message)));
        if (role != null) {
            item.put("role", AttributeValue.fromS(role));
        }
        dynamo.putItem(p -> p.tableName(TABLE).item(item));
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(g -> g.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }
}
