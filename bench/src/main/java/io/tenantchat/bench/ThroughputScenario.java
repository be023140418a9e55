package io.tenantchat.bench;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * 3. Throughput with a fast model: {@code POST /api/chat} accept latency from {@code concurrency} senders, and
 * completed replies per second end to end (first send → last completed event on the sockets); beside it, raw
 * ElasticMQ send → receive → delete with as many producers and consumers. 4. The AWS requests the three services
 * sent meanwhile, per message.
 */
final class ThroughputScenario {

    private final LocalSystem system;
    private final Api api;
    private final List<TestUser> users;
    private final List<ServiceMetrics> services;

    ThroughputScenario(LocalSystem system, Api api, List<TestUser> users, List<ServiceMetrics> services) {
        this.system = system;
        this.api = api;
        this.users = users;
        this.services = services;
    }

    record Result(Latency accept, int messages, double seconds, double perSecond, Map<String, Long> awsRequests,
            int failed) {
    }

    Result endToEnd(int messages, int concurrency, int sessionCount) throws Exception {
        system.bedrock().settings(Settings.defaults().withTimeToFirstToken(Duration.ofMillis(5)).withTokensPerSecond(5_000));
        List<TestUser> owners = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        Map<TestUser, ReplyWatcher> watchers = new HashMap<>();
        for (int i = 0; i < sessionCount; i++) {
            TestUser user = users.get(i % users.size());
            owners.add(user);
            sessions.add(api.createSession(user));
            watchers.computeIfAbsent(user, u -> ReplyWatcher.connect(system.apiBaseUrl(), u)).subscribe(sessions.get(i));
        }
        Map<String, Long> before = awsRequests();
        Latency accept = new Latency();
        ConcurrentLinkedQueue<String[]> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        TtftScenario.inParallel(concurrency, 1, slot -> () -> {
            for (int i; (i = next.getAndIncrement()) < messages;) {
                int s = i % sessionCount;
                long t0 = System.nanoTime();
                String id = api.chat(owners.get(s), sessions.get(s), "throughput " + i);
                accept.recordSince(t0);
                sent.add(new String[] {String.valueOf(s), id});
            }
        });
        long last = 0;
        int failed = 0;
        for (String[] s : sent) {
            ReplyWatcher watcher = watchers.get(owners.get(Integer.parseInt(s[0])));
            last = Math.max(last, watcher.awaitFinished(s[1], Duration.ofMinutes(5)));
            failed += "failed".equals(watcher.outcome(s[1])) ? 1 : 0;
        }
        double seconds = (last - started) / 1e9;
        awaitQueueDrained(system.queues().usageEvents());
        Map<String, Long> delta = minus(awsRequests(), before);
        watchers.values().forEach(ReplyWatcher::close);
        return new Result(accept, messages, seconds, messages / seconds, delta, failed);
    }

    /** Raw ElasticMQ on a FIFO queue of its own: single sends, batch receives and deletes, as the pipeline does. */
    double rawQueuePerSecond(int messages, int concurrency) throws Exception {
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            String queue = sqs.createQueue(q -> q.queueName("bench-raw.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger deleted = new AtomicInteger();
            AtomicLong lastDelete = new AtomicLong();
            long started = System.nanoTime();
            TtftScenario.inParallel(concurrency * 2, 1, slot -> () -> {
                if (slot % 2 == 0) {
                    for (int i; (i = next.getAndIncrement()) < messages;) {
                        int n = i;
                        sqs.sendMessage(m -> m.queueUrl(queue).messageBody("{\"n\":" + n + "}")
                                .messageGroupId("g" + (n % 64)).messageDeduplicationId(UUID.randomUUID().toString()));
                    }
                } else {
                    while (deleted.get() < messages) {
                        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                                .waitTimeSeconds(1)).messages();
                        if (!got.isEmpty()) {
                            sqs.deleteMessageBatch(d -> d.queueUrl(queue).entries(got.stream().map(m ->
                                    DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                            .receiptHandle(m.receiptHandle()).build()).toList()));
                            deleted.addAndGet(got.size());
                            lastDelete.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    }
                }
            });
            return messages / ((lastDelete.get() - started) / 1e9);
        }
    }

    private Map<String, Long> awsRequests() {
        Map<String, Long> all = new TreeMap<>();
        for (ServiceMetrics service : services) {
            service.awsRequests().forEach((op, n) -> all.put(service.name() + " " + op, n));
        }
        return all;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((op, n) -> {
            long d = n - before.getOrDefault(op, 0L);
            if (d > 0) {
                delta.put(op, d);
            }
        });
        return delta;
    }

    private void awaitQueueDrained(String queueUrl) {
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            ReplyWatcher.awaitTrue(() -> sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                    .allMatch("0"::equals), Duration.ofMinutes(3), "usage events counted");
        }
    }
}
