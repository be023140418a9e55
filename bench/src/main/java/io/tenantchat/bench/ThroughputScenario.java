package io.tenantchat.bench;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * 3. Throughput with a fast model (≈5 ms to the first token, ≈15 ms a reply): {@code concurrency} senders post as
 * fast as the api answers (offered), counting 202s (accepted) and completed events on the sockets (completed).
 * 4. The AWS requests all services sent between the first send and the last completion, per completed message,
 * and each service's idle requests per second with the sockets still subscribed and no traffic. Beside it, raw
 * ElasticMQ with as many message groups as sessions and consumers that receive and delete in batches like the worker.
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

    record Result(Latency accept, int offered, int accepted, int completed, int failed, double sendSeconds,
            double windowSeconds, Map<String, Long> windowRequests, Map<String, Long> afterWindowRequests,
            Map<String, Double> idlePerSecond, int idleSeconds, Map<String, Double> cpuSeconds, double machineBusy) {

        double offeredPerSecond() {
            return offered / sendSeconds;
        }

        double acceptedPerSecond() {
            return accepted / sendSeconds;
        }

        double completedPerSecond() {
            return completed / windowSeconds;
        }
    }

    Result endToEnd(int messages, int concurrency, int sessionCount, int idleSeconds) throws Exception {
        system.bedrock().settings(Settings.defaults().withTimeToFirstToken(Duration.ofMillis(5)).withTokensPerSecond(3_500));
        List<TestUser> owners = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        Map<TestUser, ReplyWatcher> watchers = new HashMap<>();
        try {
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
            AtomicInteger offered = new AtomicInteger();
            ProcessCpu.Snapshot cpuBefore = ProcessCpu.snapshot();
            long started = System.nanoTime();
            TtftScenario.inParallel(concurrency, 1, slot -> () -> {
                for (int i; (i = next.getAndIncrement()) < messages;) {
                    int s = i % sessionCount;
                    long t0 = System.nanoTime();
                    offered.incrementAndGet();
                    Api.Sent answer = api.tryChat(owners.get(s), sessions.get(s), "throughput " + i);
                    accept.recordSince(t0);
                    if (answer.accepted()) {
                        sent.add(new String[] {String.valueOf(s), answer.messageId()});
                    }
                }
            });
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            long last = started;
            int failed = 0;
            for (String[] s : sent) {
                ReplyWatcher watcher = watchers.get(owners.get(Integer.parseInt(s[0])));
                last = Math.max(last, watcher.awaitFinished(s[1], Duration.ofMinutes(5)));
                failed += "failed".equals(watcher.outcome(s[1])) ? 1 : 0;
            }
            Map<String, Long> atLastCompletion = awsRequests();
            ProcessCpu.Snapshot cpuAfter = ProcessCpu.snapshot();
            double windowSeconds = (last - started) / 1e9;
            awaitQueueDrained(system.queues().usageEvents());
            Map<String, Long> drained = awsRequests();
            Map<String, Long> idleBefore = awsRequests();
            TimeUnit.SECONDS.sleep(idleSeconds); // no traffic, sockets still subscribed
            Map<String, Double> idle = RequestWindow.per(RequestWindow.delta(idleBefore, awsRequests()), idleSeconds);
            return new Result(accept, offered.get(), sent.size(), sent.size() - failed, failed, sendSeconds,
                    windowSeconds, RequestWindow.delta(before, atLastCompletion),
                    RequestWindow.delta(atLastCompletion, drained), idle, idleSeconds,
                    ProcessCpu.between(cpuBefore, cpuAfter), ProcessCpu.busy(cpuBefore, cpuAfter));
        } finally {
            watchers.values().forEach(ReplyWatcher::close);
            system.bedrock().settings(Settings.defaults());
        }
    }

    record Raw(double perSecond, int groups, int consumers, int batch, int messages) {
        Map<String, Object> asMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("per_second", Latency.round(perSecond));
            out.put("message_groups", groups);
            out.put("consumers", consumers);
            out.put("receive_batch", batch);
            out.put("messages", messages);
            return out;
        }
    }

    /**
     * Raw ElasticMQ on a FIFO queue of its own: {@code senders} single sends over {@code groups} message groups;
     * {@code consumers} receivers, each taking up to {@code batch} at a time and deleting them in one batch.
     */
    Raw rawQueue(int messages, int senders, int groups, int consumers, int batch) throws Exception {
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            String queue = sqs.createQueue(q -> q.queueName("bench-raw-" + UUID.randomUUID().toString().substring(0, 8)
                    + ".fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger deleted = new AtomicInteger();
            AtomicLong lastDelete = new AtomicLong();
            long started = System.nanoTime();
            TtftScenario.inParallel(senders + consumers, 1, slot -> () -> {
                if (slot < senders) {
                    for (int i; (i = next.getAndIncrement()) < messages;) {
                        int n = i;
                        sqs.sendMessage(m -> m.queueUrl(queue).messageBody("{\"n\":" + n + "}")
                                .messageGroupId("g" + (n % groups)).messageDeduplicationId(UUID.randomUUID().toString()));
                    }
                } else {
                    while (deleted.get() < messages) {
                        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(batch)
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
            return new Raw(messages / ((lastDelete.get() - started) / 1e9), groups, consumers, batch, messages);
        }
    }

    private Map<String, Long> awsRequests() {
        Map<String, Long> all = new TreeMap<>();
        for (ServiceMetrics service : services) {
            service.awsRequests().forEach((op, n) -> all.put(service.name() + " " + op, n));
        }
        return all;
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
