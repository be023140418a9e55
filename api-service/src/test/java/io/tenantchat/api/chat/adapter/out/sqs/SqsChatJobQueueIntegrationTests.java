package io.tenantchat.api.chat.adapter.out.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.config.QueueProperties;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.tracing.FixedTraceContext;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.QueueUrls;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageGrouping;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.json.JsonMapper;

class SqsChatJobQueueIntegrationTests {

    static ElasticMqServer elasticMq;
    static SqsClient sqs;
    static SqsAsyncClient sqsAsync;
    static QueueUrls queues;
    static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Test
    void sendsTheJobWithATenantScopedGroupAndTheMessageIdAsDedupId() {
        ChatRequested job = job("tenant-001");

        new SqsChatJobQueue(sqsAsync, JSON, new QueueProperties("chat-requests.fifo", MessageGrouping.SESSION)).enqueue(job);

        Message received = receiveOne();
        assertThat(JSON.readValue(received.body(), ChatRequested.class)).isEqualTo(job);
        assertThat(received.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .isEqualTo("tenant-001#" + job.sessionId().value());
        assertThat(received.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo(job.messageId().value());
    }

    @Test
    void carriesTheTraceContextAsAStringMessageAttribute() {
        new SqsChatJobQueue(sqsAsync, JSON, new QueueProperties("chat-requests.fifo", MessageGrouping.SESSION),
                FixedTraceContext.injecting()).enqueue(job("tenant-004"));

        Message received = receiveOne();
        assertThat(received.messageAttributes()).containsOnlyKeys("traceparent");
        assertThat(received.messageAttributes().get("traceparent").dataType()).isEqualTo("String");
        assertThat(received.messageAttributes().get("traceparent").stringValue())
                .isEqualTo(FixedTraceContext.TRACEPARENT);
    }

    @Test
    void tenantGroupingPutsTheWholeTenantInOneGroup() {
        ChatRequested job = job("tenant-003");

        new SqsChatJobQueue(sqsAsync, JSON, new QueueProperties("chat-requests.fifo", MessageGrouping.TENANT))
                .enqueue(job);

        assertThat(receiveOne().attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("tenant-003");
    }

    @Test
    void sendingTheSameJobTwiceQueuesItOnce() {
        ChatRequested job = job("tenant-002");
        SqsChatJobQueue queue = new SqsChatJobQueue(sqsAsync, JSON, new QueueProperties("chat-requests.fifo", MessageGrouping.SESSION));

        queue.enqueue(job);
        queue.enqueue(job);

        assertThat(receiveOne().body()).contains(job.messageId().value());
        assertThat(receive()).isEmpty();
    }

    @Test
    void reportsAMissingQueueAsUnavailable() {
        SqsChatJobQueue queue = new SqsChatJobQueue(sqsAsync, JSON, new QueueProperties("no-such-queue.fifo", MessageGrouping.SESSION));

        assertThatThrownBy(() -> queue.enqueue(job("tenant-001"))).isInstanceOf(UnavailableException.class);
    }

    private Message receiveOne() {
        List<Message> messages = receive();
        assertThat(messages).hasSize(1);
        sqs.deleteMessage(d -> d.queueUrl(queues.chatRequests()).receiptHandle(messages.get(0).receiptHandle()));
        return messages.get(0);
    }

    private List<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queues.chatRequests()).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private static ChatRequested job(String tenant) {
        return new ChatRequested(MessageId.next(Clock.systemUTC()), TenantId.of(tenant), UserId.of("alice"),
                SessionId.random(), Instant.parse("2026-11-29T12:00:00Z"));
    }
}
