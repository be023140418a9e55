package io.tenantchat.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.launcher.LocalSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The floors, as plain SDK and Redis calls against the same stand-ins, one after another, each timed.
 * <p>0a, the critical path: what must happen before a client can see the first token — the api's admission
 * {@code TransactWriteItems} (6 quota items, as QuotaWrites.reserve) and message {@code TransactWriteItems} (3
 * items: message, ref, session count), {@code SendMessage} until a receiver already waiting in
 * {@code ReceiveMessage} has it (which may be before SendMessage's own answer arrives), the worker's claim {@code UpdateItem} and history {@code Query}, one Redis publish →
 * subscriber hop.
 * <p>0b, the whole chain as it stood before: PutItem user message, SendMessage, hand-off, Query history, PutItem
 * reply, UpdateItem session.
 */
final class FloorScenario {

    static final int ADMISSION_ITEMS = 6;
    static final int MESSAGE_ITEMS = 3;

    private final LocalSystem system;

    FloorScenario(LocalSystem system) {
        this.system = system;
    }

    /** 0a: the total and each step. */
    record CriticalPath(Latency total, Map<String, Latency> steps) {
    }

    CriticalPath criticalPath(int iterations) throws InterruptedException {
        Map<String, Latency> steps = new LinkedHashMap<>();
        for (String step : List.of("admission TransactWriteItems (" + ADMISSION_ITEMS + " items)",
                "message TransactWriteItems (" + MESSAGE_ITEMS + " items)",
                "SendMessage → a waiting ReceiveMessage has it", "claim UpdateItem", "history Query",
                "Redis publish → subscriber")) {
            steps.put(step, new Latency());
        }
        List<Latency> ordered = new ArrayList<>(steps.values());
        Latency total = new Latency();
        RedisClient redis = RedisClient.create(system.redis().orElseThrow(() -> new IllegalStateException(
                "redis-server is needed for figure 0a")).uri().toString());
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(system.dynamoDbEndpoint());
                SqsClient sqs = AwsClients.sqs(system.sqsEndpoint());
                StatefulRedisConnection<String, String> publisher = redis.connect();
                StatefulRedisPubSubConnection<String, String> subscriber = redis.connectPubSub()) {
            BlockingQueue<String> published = new LinkedBlockingQueue<>();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    published.add(message);
                }
            });
            String channel = "bench-floor-" + UUID.randomUUID();
            subscriber.sync().subscribe(channel);
            String queue = floorQueue(sqs, "bench-floor-0a.fifo");
            BlockingQueue<Received> handOff = new LinkedBlockingQueue<>();
            Thread receiver = timedReceiver(sqs, queue, handOff);
            String tenant = "bench-floor-" + UUID.randomUUID();
            String session = "s-" + UUID.randomUUID();
            for (int i = -20; i < iterations; i++) { // 20 warm-up rounds, not recorded
                String id = UUID.randomUUID().toString(); // 36 characters, as a message id and request token
                long[] t = new long[7];
                t[0] = System.nanoTime();
                dynamo.transactWriteItems(w -> w.transactItems(admission(tenant, session, id)));
                t[1] = System.nanoTime();
                dynamo.transactWriteItems(w -> w.clientRequestToken(id).transactItems(message(tenant, session, id)));
                t[2] = System.nanoTime();
                sqs.sendMessage(m -> m.queueUrl(queue).messageBody("{\"message_id\":\"" + id + "\"}")
                        .messageGroupId(session).messageDeduplicationId(id));
                Received job = handOff.poll(30, TimeUnit.SECONDS);
                if (job == null) {
                    throw new IllegalStateException("the floor's receiver got nothing in 30 s");
                }
                // the waiting receiver may have the message before SendMessage's answer is back: the path counts
                // from the send to the receipt, then on from when this thread goes on (as the worker would)
                t[3] = t[2] + Math.max(0, job.atNanos() - t[2]);
                long resumed = System.nanoTime();
                claim(dynamo, tenant, session, id);
                t[4] = t[3] + System.nanoTime() - resumed;
                long queried = System.nanoTime();
                history(dynamo, tenant, session);
                t[5] = t[4] + System.nanoTime() - queried;
                long published0 = System.nanoTime();
                publisher.sync().publish(channel, "{\"type\":\"delta\",\"message_id\":\"" + id + "\",\"text\":\"Hi\"}");
                if (published.poll(30, TimeUnit.SECONDS) == null) {
                    throw new IllegalStateException("the floor's Redis subscriber got nothing in 30 s");
                }
                t[6] = t[5] + System.nanoTime() - published0;
                if (i >= 0) {
                    for (int step = 0; step < ordered.size(); step++) {
                        ordered.get(step).recordNanos(t[step + 1] - t[step]);
                    }
                    total.recordNanos(t[6] - t[0]);
                }
                sqs.deleteMessage(d -> d.queueUrl(queue).receiptHandle(job.message().receiptHandle())); // off the path
            }
            receiver.interrupt();
        } finally {
            redis.shutdown();
        }
        return new CriticalPath(total, steps);
    }

    /** As the worker's claim: the message queued (or processing) → processing, one more attempt. */
    void claim(DynamoDbClient dynamo, String tenant, String session, String id) {
        dynamo.updateItem(u -> u.tableName(system.tables().messages())
                .key(Map.of("pk", s(tenant + "#" + session), "sk", s(id)))
                .updateExpression("SET #st = :processing ADD attempts :one")
                .conditionExpression("#st IN (:queued, :processing)")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":processing", s("processing"), ":queued", s("queued"),
                        ":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW));
    }

    /** As the worker's history read: the session's newest 40 items, consistently. */
    void history(DynamoDbClient dynamo, String tenant, String session) {
        dynamo.query(q -> q.tableName(system.tables().messages()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(tenant + "#" + session))).consistentRead(true)
                .scanIndexForward(false).limit(40));
    }

    /** As QuotaWrites.reserve: second, day, month counters, tokens, live in-flight, the hold. */
    List<TransactWriteItem> admission(String tenant, String session, String id) {
        String table = system.tables().tenants();
        List<TransactWriteItem> items = new ArrayList<>();
        for (String counter : List.of("q#second#" + (System.currentTimeMillis() / 1000), "q#day", "q#month")) {
            items.add(count(table, tenant, counter));
        }
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("tenant_id", s(tenant), "sk", s("q#tokens")))
                .updateExpression("ADD committed :t, reserved :t").conditionExpression(
                        "attribute_not_exists(committed) OR committed <= :room")
                .expressionAttributeValues(Map.of(":t", n(1200), ":room", n(Long.MAX_VALUE / 4))).build()).build());
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("tenant_id", s(tenant), "sk", s("q#live")))
                .updateExpression("ADD inflight :one, #sid :one").conditionExpression(
                        "attribute_not_exists(inflight) OR inflight < :limit")
                .expressionAttributeNames(Map.of("#sid", "session_" + session))
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(Long.MAX_VALUE / 4))).build()).build());
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("tenant_id", s(tenant), "sk", s("q#hold#" + id), "session_id", s(session),
                        "in_flight", n(1), "reserved", n(1200)))
                .conditionExpression("attribute_not_exists(sk)").build()).build());
        return items;
    }

    private static TransactWriteItem count(String table, String tenant, String sk) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("tenant_id", s(tenant), "sk", s(sk)))
                .updateExpression("ADD n :one").conditionExpression("attribute_not_exists(n) OR n < :limit")
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(Long.MAX_VALUE / 4))).build()).build();
    }

    /** As the api's saveQueued: the message, its ref item, the session's count. */
    List<TransactWriteItem> message(String tenant, String session, String id) {
        String messages = system.tables().messages();
        return List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(messages)
                        .item(Map.of("pk", s(tenant + "#" + session), "sk", s(id), "status", s("queued"),
                                "content", s("How fast is the first token?")))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(messages)
                        .item(Map.of("pk", s(tenant + "#ref#" + id), "sk", s("ref"), "session_id", s(session)))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(system.tables().sessions())
                        .key(Map.of("session_key", s(tenant + "#" + session)))
                        .updateExpression("SET last_activity = :now ADD message_count :one")
                        .expressionAttributeValues(Map.of(":now", s(java.time.Instant.now().toString()), ":one", n(1)))
                        .build()).build());
    }

    /** 0b: the whole chain as plain SDK calls (the figure kept from the earlier bench). */
    Latency run(int iterations) throws InterruptedException {
        Latency latency = new Latency();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(system.dynamoDbEndpoint());
                SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            String queue = floorQueue(sqs, "bench-floor.fifo");
            BlockingQueue<Message> handOff = new LinkedBlockingQueue<>();
            Thread receiver = receiver(sqs, queue, handOff);
            String session = "bench-floor-" + UUID.randomUUID();
            for (int i = -20; i < iterations; i++) { // 20 warm-up rounds, not recorded
                long started = System.nanoTime();
                Message job = chain(dynamo, sqs, queue, handOff, session, i);
                if (i >= 0) {
                    latency.recordSince(started);
                }
                sqs.deleteMessage(d -> d.queueUrl(queue).receiptHandle(job.receiptHandle())); // not part of the floor
            }
            receiver.interrupt();
        }
        return latency;
    }

    private Message chain(DynamoDbClient dynamo, SqsClient sqs, String queue, BlockingQueue<Message> handOff,
            String session, int i) throws InterruptedException {
        String pk = "bench#" + session;
        String id = String.format("%08d-", i + 100) + UUID.randomUUID();
        dynamo.putItem(p -> p.tableName(system.tables().messages()).item(item(pk, id + "#user", "question " + i))
                .conditionExpression("attribute_not_exists(pk)"));
        sqs.sendMessage(m -> m.queueUrl(queue).messageBody("{\"message_id\":\"" + id + "\"}").messageGroupId(session)
                .messageDeduplicationId(id));
        Message job = handOff.poll(30, TimeUnit.SECONDS);
        if (job == null) {
            throw new IllegalStateException("the floor's receiver got nothing in 30 s");
        }
        dynamo.query(q -> q.tableName(system.tables().messages()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).scanIndexForward(false).limit(40));
        dynamo.putItem(p -> p.tableName(system.tables().messages()).item(item(pk, id + "#reply", "answer " + i))
                .conditionExpression("attribute_not_exists(pk)"));
        dynamo.updateItem(u -> u.tableName(system.tables().sessions())
                .key(Map.of("session_key", s("bench#" + session)))
                .updateExpression("SET last_activity = :now ADD message_count :one")
                .expressionAttributeValues(Map.of(":now", s(java.time.Instant.now().toString()), ":one", n(1))));
        return job;
    }

    private static String floorQueue(SqsClient sqs, String name) {
        return sqs.createQueue(q -> q.queueName(name).attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
    }

    /** A message and when the waiting receiver had it ({@link System#nanoTime()}). */
    private record Received(Message message, long atNanos) {
    }

    private static Thread timedReceiver(SqsClient sqs, String queue, BlockingQueue<Received> handOff) {
        Thread receiver = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(20)
                            .maxNumberOfMessages(1)).messages();
                    long now = System.nanoTime();
                    got.forEach(m -> handOff.add(new Received(m, now)));
                } catch (RuntimeException stopped) {
                    return;
                }
            }
        }, "bench-floor-receiver");
        receiver.setDaemon(true);
        receiver.start();
        return receiver;
    }

    private static Thread receiver(SqsClient sqs, String queue, BlockingQueue<Message> handOff) {
        Thread receiver = new Thread(() -> receive(sqs, queue, handOff), "bench-floor-receiver");
        receiver.setDaemon(true);
        receiver.start();
        return receiver;
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String content) {
        return Map.of("pk", s(pk), "sk", s(sk), "content", s(content));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void receive(SqsClient sqs, String queue, BlockingQueue<Message> handOff) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(20).maxNumberOfMessages(1))
                        .messages();
                handOff.addAll(got);
            } catch (RuntimeException stopped) {
                return;
            }
        }
    }
}
