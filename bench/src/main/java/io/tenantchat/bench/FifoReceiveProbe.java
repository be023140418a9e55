package io.tenantchat.bench;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.launcher.LocalSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * 2b. The SQS stand-in alone, no service involved: what one {@code ReceiveMessage} costs on an ElasticMQ FIFO queue
 * of its own while {@code n} message groups each hold a message in flight, as they do while one worker streams
 * {@code n} replies of {@code n} sessions (a session is a message group). For each size: {@code n} messages in
 * {@code n} groups, received ten at a time and never deleted, then {@code samples} receives that find nothing (every
 * group is in flight), timed. Figure 2 reads with it: a level whose receives the stand-in cannot answer in time is
 * held up by the stand-in, not by the worker.
 */
final class FifoReceiveProbe {

    private final LocalSystem system;

    FifoReceiveProbe(LocalSystem system) {
        this.system = system;
    }

    /** One size: the groups in flight, the receives that filled them, and the empty receives timed after. */
    record Point(int groupsInFlight, double fillSeconds, Latency emptyReceive) {

        Map<String, Object> asMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("groups_in_flight", groupsInFlight);
            out.put("fill_seconds", Latency.round(fillSeconds));
            out.put("empty_receive_ms", emptyReceive.summary());
            return out;
        }
    }

    List<Point> run(List<Integer> sizes, int samples) {
        List<Point> points = new ArrayList<>();
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            for (int groups : sizes) {
                points.add(point(sqs, groups, samples));
                System.out.println("bench: stand-in FIFO receive " + points.get(points.size() - 1).asMap());
            }
        }
        return points;
    }

    private static Point point(SqsClient sqs, int groups, int samples) {
        String queue = sqs.createQueue(q -> q.queueName("bench-probe-" + UUID.randomUUID().toString().substring(0, 8)
                + ".fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.VISIBILITY_TIMEOUT, "900"))).queueUrl();
        try {
            for (int first = 0; first < groups; first += 10) {
                List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                for (int n = first; n < Math.min(groups, first + 10); n++) {
                    batch.add(SendMessageBatchRequestEntry.builder().id("m" + n).messageBody("{\"n\":" + n + "}")
                            .messageGroupId("session-" + n).messageDeduplicationId(UUID.randomUUID().toString()).build());
                }
                sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(batch));
            }
            long started = System.nanoTime();
            int received = 0;
            while (received < groups) {
                int got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
                        .messages().size();
                if (got == 0) {
                    throw new IllegalStateException("the probe queue gave " + received + " of " + groups + " messages");
                }
                received += got;
            }
            double fill = (System.nanoTime() - started) / 1e9;
            Latency empty = new Latency();
            for (int i = 0; i < samples; i++) {
                long at = System.nanoTime();
                int got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
                        .messages().size();
                empty.recordSince(at);
                if (got != 0) {
                    throw new IllegalStateException("a group in flight gave another message");
                }
            }
            return new Point(groups, fill, empty);
        } finally {
            sqs.deleteQueue(d -> d.queueUrl(queue));
        }
    }
}
