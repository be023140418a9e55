package io.tenantchat.bench;

import static io.tenantchat.bench.FloorScenario.n;
import static io.tenantchat.bench.FloorScenario.s;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.launcher.LocalSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * 3b. The DynamoDB stand-in alone, no service involved: how many messages' worth of the pipeline's DynamoDB
 * requests it answers per second. One message's worth is what the services send for it on the way: the accept's
 * {@code TransactWriteItems} (the floor's 6 quota items and 3 message items, in one transaction as the api sends
 * them), the worker's claim {@code UpdateItem} and history {@code Query}, and its completion
 * {@code TransactWriteItems} (reply, message, hold, tokens, in flight: 5 items). {@code clients} threads, each its
 * own tenant and session (no transaction conflicts), send message after message for {@code seconds}. Figure 3 reads
 * with it: the pipeline cannot complete more messages per second than its DynamoDB answers.
 */
final class DynamoDbCapacityProbe {

    private final LocalSystem system;
    private final FloorScenario floor;

    DynamoDbCapacityProbe(LocalSystem system) {
        this.system = system;
        this.floor = new FloorScenario(system);
    }

    /** One level: clients at once, messages' worth answered per second, and one message's four requests timed. */
    record Point(int clients, double messagesPerSecond, Latency message) {

        Map<String, Object> asMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("clients", clients);
            out.put("messages_per_second", Latency.round(messagesPerSecond));
            out.put("requests_per_second", Latency.round(messagesPerSecond * 4));
            out.put("message_ms", message.summary());
            return out;
        }
    }

    List<Point> run(List<Integer> levels, int seconds) throws Exception {
        List<Point> points = new ArrayList<>();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(system.dynamoDbEndpoint())) {
            for (int clients : levels) {
                points.add(level(dynamo, clients, seconds));
                System.out.println("bench: stand-in DynamoDB capacity " + points.get(points.size() - 1).asMap());
            }
        }
        return points;
    }

    private Point level(DynamoDbClient dynamo, int clients, int seconds) throws Exception {
        Latency latency = new Latency();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String tenant = "bench-ddb-" + UUID.randomUUID();
                String session = "s-" + UUID.randomUUID();
                counts.add(pool.submit(() -> {
                    int done = 0;
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        message(dynamo, tenant, session);
                        if (measuring.get()) {
                            latency.recordSince(started);
                            done++;
                        }
                    }
                    return done;
                }));
            }
            Thread.sleep(2_000); // warm-up: clients started, connections open
            measuring.set(true);
            long from = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - from) / 1e9;
            stop.set(true);
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            return new Point(clients, total / elapsed, latency);
        } finally {
            pool.shutdownNow();
        }
    }

    private void message(DynamoDbClient dynamo, String tenant, String session) {
        String id = UUID.randomUUID().toString();
        List<TransactWriteItem> accept = new ArrayList<>(floor.message(tenant, session, id));
        accept.addAll(floor.admission(tenant, session, id));
        dynamo.transactWriteItems(w -> w.transactItems(accept));
        floor.claim(dynamo, tenant, session, id);
        floor.history(dynamo, tenant, session);
        Map<String, AttributeValue> key = Map.of("pk", s(tenant + "#" + session), "sk", s(id));
        dynamo.transactWriteItems(w -> w.transactItems(completion(tenant, session, id, key)));
    }

    /** As the worker's completion: the reply, the message completed, the hold gone, tokens and in flight settled. */
    private List<TransactWriteItem> completion(String tenant, String session, String id,
            Map<String, AttributeValue> key) {
        String messages = system.tables().messages();
        String tenants = system.tables().tenants();
        return List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(messages)
                        .item(Map.of("pk", s(tenant + "#" + session), "sk", s(id + "#reply"), "status", s("completed"),
                                "content", s("An answer of a few words.")))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(messages).key(key)
                        .updateExpression("SET #st = :completed").conditionExpression("#st = :processing")
                        .expressionAttributeNames(Map.of("#st", "status"))
                        .expressionAttributeValues(Map.of(":completed", s("completed"), ":processing", s("processing")))
                        .build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(tenants)
                        .key(Map.of("tenant_id", s(tenant), "sk", s("q#hold#" + id)))
                        .conditionExpression("attribute_exists(sk)").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(tenants)
                        .key(Map.of("tenant_id", s(tenant), "sk", s("q#tokens")))
                        .updateExpression("ADD committed :used, reserved :released")
                        .expressionAttributeValues(Map.of(":used", n(-1100), ":released", n(-1200))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(tenants)
                        .key(Map.of("tenant_id", s(tenant), "sk", s("q#live")))
                        .updateExpression("ADD inflight :minus")
                        .expressionAttributeValues(Map.of(":minus", n(-1))).build()).build());
    }
}
