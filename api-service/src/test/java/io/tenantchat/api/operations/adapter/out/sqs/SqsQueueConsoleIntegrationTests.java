package io.tenantchat.api.operations.adapter.out.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.operations.config.OperationsProperties;
import io.tenantchat.api.operations.config.OperationsQueueProperties;
import io.tenantchat.api.operations.domain.DeadLetter;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.QueueStats;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.QueueUrls;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.json.JsonMapper;

/** The queue console against ElasticMQ: FIFO dead letters received, released, sent back in their group, deleted. */
class SqsQueueConsoleIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static ElasticMqServer elasticMq;
    static SqsClient sqs;
    static SqsAsyncClient sqsAsync;
    static QueueUrls queues;
    SqsQueueConsole console;

    @BeforeAll
    static void start() {
        elasticMq = ElasticMqServer.start();
        sqs = AwsClients.sqs(elasticMq.endpoint());
        queues = Provisioner.createQueues(sqs);
        sqsAsync = AwsClients.sqsAsync(elasticMq.endpoint());
    }

    @AfterAll
    static void stop() {
        sqsAsync.close();
        elasticMq.close();
    }

    @BeforeEach
    void emptyQueues() {
        List.of(queues.chatRequests(), queues.chatRequestsDlq(), queues.usageEvents(), queues.usageEventsDlq())
                .forEach(url -> sqs.purgeQueue(r -> r.queueUrl(url)));
        console = new SqsQueueConsole(sqsAsync, JSON, new OperationsQueueProperties(Provisioner.CHAT_REQUESTS),
                new OperationsProperties(Provisioner.CHAT_REQUESTS_DLQ,
                Provisioner.USAGE_EVENTS, Provisioner.USAGE_EVENTS_DLQ));
    }

    @Test
    void receivedDeadLetterCarriesWhoseJobItIsAndGoesBackToItsGroupUnderTheGivenDeduplicationId() {
        ChatRequested job = job("tenant-001");
        deadLetter(job);

        DeadLetter letter = console.receive(OperatedQueue.CHAT_REQUESTS, Duration.ofSeconds(30)).get(0);
        console.sendToWorkQueue(OperatedQueue.CHAT_REQUESTS, letter, job.requeueDeduplicationId(Instant.now()));
        console.delete(OperatedQueue.CHAT_REQUESTS, letter);

        assertThat(letter.key().tenantId()).isEqualTo(job.tenantId());
        assertThat(letter.key().messageId()).isEqualTo(job.messageId());
        assertThat(letter.groupId()).isEqualTo(job.messageGroupId());
        Message sent = receive(queues.chatRequests());
        assertThat(sent.body()).isEqualTo(JSON.writeValueAsString(job));
        assertThat(sent.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo(job.messageGroupId());
        assertThat(sent.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .startsWith(job.messageId().value() + "#requeue-");
        assertThat(sent.messageAttributes().get("tenant_id").stringValue()).isEqualTo("tenant-001");
        assertThat(stats(true).visible() + stats(true).inFlight()).isZero();
    }

    @Test
    void releasedDeadLettersAreVisibleAgainAtOnce() {
        deadLetter(job("tenant-001"));
        deadLetter(job("tenant-002"));

        List<DeadLetter> held = console.receive(OperatedQueue.CHAT_REQUESTS, Duration.ofMinutes(5));
        assertThat(held).hasSize(2);
        assertThat(console.receive(OperatedQueue.CHAT_REQUESTS, Duration.ofMinutes(5))).isEmpty();
        console.release(OperatedQueue.CHAT_REQUESTS, held);

        assertThat(console.receive(OperatedQueue.CHAT_REQUESTS, Duration.ofMinutes(5))).hasSize(2);
    }

    @Test
    void statsCountVisibleAndInFlightAndSampleTheOldestDeadLetterWithoutHidingIt() {
        deadLetter(job("tenant-001"));

        QueueStats stats = stats(true);

        assertThat(stats.name()).isEqualTo(Provisioner.CHAT_REQUESTS_DLQ);
        assertThat(stats.visible()).isEqualTo(1);
        assertThat(stats.oldestAgeSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(stats(true).visible()).as("the sample hides nothing").isEqualTo(1);
        assertThat(console.stats(OperatedQueue.CHAT_REQUESTS, false).oldestAgeSeconds()).isNull();
    }

    @Test
    void usageEventIsReadFromItsEnvelopeAndSentBackAsItIs() {
        String envelope = """
                {"version":"0","id":"e-1","detail-type":"ModelInvoked","source":"tenantchat.worker","account":"0",
                 "time":"2026-11-29T12:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"event_id":"m#1","tenant_id":"tenant-003","session_id":"%s","message_id":"%s"}}
                """.formatted(SessionId.random().value(), MessageId.next(Clock.systemUTC()).value());
        sqs.sendMessage(r -> r.queueUrl(queues.usageEventsDlq()).messageBody(envelope));

        DeadLetter letter = console.receive(OperatedQueue.USAGE_EVENTS, Duration.ofSeconds(30)).get(0);
        console.sendToWorkQueue(OperatedQueue.USAGE_EVENTS, letter, null);

        assertThat(letter.key().tenantId()).isEqualTo(TenantId.of("tenant-003"));
        assertThat(letter.key().eventId()).isEqualTo("m#1");
        assertThat(receive(queues.usageEvents()).body()).isEqualTo(envelope);
    }

    @Test
    void unreadableDeadLetterHasNoKey() {
        sqs.sendMessage(r -> r.queueUrl(queues.chatRequestsDlq()).messageBody("not json").messageGroupId("g")
                .messageDeduplicationId("poison-1"));

        DeadLetter letter = console.receive(OperatedQueue.CHAT_REQUESTS, Duration.ofSeconds(30)).get(0);

        assertThat(letter.readable()).isFalse();
        assertThat(letter.job()).isNull();
    }

    private QueueStats stats(boolean deadLetter) {
        return console.stats(OperatedQueue.CHAT_REQUESTS, deadLetter);
    }

    private void deadLetter(ChatRequested job) {
        sqs.sendMessage(r -> r.queueUrl(queues.chatRequestsDlq()).messageBody(JSON.writeValueAsString(job))
                .messageGroupId(job.messageGroupId()).messageDeduplicationId(job.deduplicationId())
                .messageAttributes(Map.of("tenant_id", MessageAttributeValue.builder().dataType("String")
                        .stringValue(job.tenantId().value()).build())));
    }

    private Message receive(String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
    }

    private static ChatRequested job(String tenant) {
        return new ChatRequested(MessageId.next(Clock.systemUTC()), TenantId.of(tenant), UserId.of("user-1"),
                SessionId.random(), Instant.now());
    }
}
