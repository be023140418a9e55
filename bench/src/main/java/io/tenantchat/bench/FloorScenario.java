package io.tenantchat.bench;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.launcher.LocalSystem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * 0. The floor: the stand-in calls a queued chat cannot avoid, as plain SDK calls in a row: PutItem user message,
 * SendMessage, hand-off to a receiver already waiting in ReceiveMessage, Query history, PutItem reply, UpdateItem
 * session. Same stand-ins, same tables, a queue of its own.
 */
final class FloorScenario {

    private final LocalSystem system;

    FloorScenario(LocalSystem system) {
        this.system = system;
    }

    Latency run(int iterations) throws InterruptedException {
        Latency latency = new Latency();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(system.dynamoDbEndpoint());
                SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            String queue = sqs.createQueue(q -> q.queueName("bench-floor.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
            BlockingQueue<Message> handOff = new LinkedBlockingQueue<>();
            Thread receiver = new Thread(() -> receive(sqs, queue, handOff), "bench-floor-receiver");
            receiver.setDaemon(true);
            receiver.start();
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
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).scanIndexForward(false).limit(40));
        dynamo.putItem(p -> p.tableName(system.tables().messages()).item(item(pk, id + "#reply", "answer " + i))
                .conditionExpression("attribute_not_exists(pk)"));
        dynamo.updateItem(u -> u.tableName(system.tables().sessions())
                .key(Map.of("session_key", AttributeValue.fromS("bench#" + session)))
                .updateExpression("SET last_activity = :now ADD message_count :one")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(java.time.Instant.now().toString()),
                        ":one", AttributeValue.fromN("1"))));
        return job;
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String content) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk),
                "content", AttributeValue.fromS(content));
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
