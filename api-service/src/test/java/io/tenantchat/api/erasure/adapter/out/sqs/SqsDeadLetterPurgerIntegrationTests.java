package io.tenantchat.api.erasure.adapter.out.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.erasure.config.ErasureQueueProperties;
import io.tenantchat.localstack.AwsClients;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/** The dead-letter purger against ElasticMQ's FIFO chat requests' dead-letter queue. */
class SqsDeadLetterPurgerIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TenantId T1 = TenantId.of("tenant-001");
    static final TenantId T2 = TenantId.of("tenant-002");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");

    static ElasticMqServer elasticMq;
    static SqsClient sqs;
    static SqsAsyncClient sqsAsync;
    static QueueUrls queues;
    static SqsDeadLetterPurger purger;

    @BeforeAll
    static void start() {
        elasticMq = ElasticMqServer.start();
        sqs = AwsClients.sqs(elasticMq.endpoint());
        queues = Provisioner.createQueues(sqs);
        sqsAsync = AwsClients.sqsAsync(elasticMq.endpoint());
        purger = new SqsDeadLetterPurger(sqsAsync, JSON, new ErasureQueueProperties(Provisioner.CHAT_REQUESTS_DLQ,
                Duration.ZERO));
    }

    @AfterAll
    static void stop() {
        sqsAsync.close();
        sqs.close();
        elasticMq.close();
    }

    @BeforeEach
    void emptyTheQueue() {
        sqs.purgeQueue(r -> r.queueUrl(queues.chatRequestsDlq()));
    }

    @Test
    void purgingOneUserDeletesOnlyThatUsersLettersAndLeavesTheRestVisibleAtOnce() {
        deadLetter(job(T1, ALICE), MessageGrouping.SESSION);
        deadLetter(job(T1, ALICE), MessageGrouping.SESSION);
        String bobs = deadLetter(job(T1, BOB), MessageGrouping.SESSION);
        String otherTenants = deadLetter(job(T2, ALICE), MessageGrouping.SESSION);
        String poison = poison("tenant-001#" + SessionId.random().value());

        long deleted = purger.purge(T1, Optional.of(ALICE));

        assertThat(deleted).isEqualTo(2);
        assertThat(drain()).containsExactlyInAnyOrder(bobs, otherTenants, poison);
    }

    @Test
    void rerunningAPurgeDeletesNothingMore() {
        deadLetter(job(T1, ALICE), MessageGrouping.SESSION);
        String bobs = deadLetter(job(T1, BOB), MessageGrouping.SESSION);
        String otherTenants = deadLetter(job(T2, ALICE), MessageGrouping.SESSION);
        purger.purge(T1, Optional.of(ALICE));

        long again = purger.purge(T1, Optional.of(ALICE));

        assertThat(again).isZero();
        assertThat(drain()).containsExactlyInAnyOrder(bobs, otherTenants);
    }

    @Test
    void purgingATenantDeletesEveryLetterOfItsUsersAndNoneOfAnotherTenant() {
        deadLetter(job(T1, ALICE), MessageGrouping.SESSION);
        deadLetter(job(T1, BOB), MessageGrouping.TENANT);
        String otherTenants = deadLetter(job(T2, ALICE), MessageGrouping.SESSION);
        String poison = poison("g");

        long deleted = purger.purge(T1, Optional.empty());

        assertThat(deleted).isEqualTo(2);
        assertThat(drain()).containsExactlyInAnyOrder(otherTenants, poison);
    }

    @Test
    void reachesAUsersLettersBehindOtherUsersLettersOfTheTenantsOwnGroup() {
        // one group per tenant (CHAT_GROUP_BY=tenant): SQS hands out a group's letters in order, and none while one
        // of them is held; alice's second letter is the eleventh, out of reach of the first receive (ten at most)
        List<String> bobs = new ArrayList<>();
        bobs.add(deadLetter(job(T1, BOB), MessageGrouping.TENANT));
        deadLetter(job(T1, ALICE), MessageGrouping.TENANT);
        for (int i = 0; i < 8; i++) {
            bobs.add(deadLetter(job(T1, BOB), MessageGrouping.TENANT));
        }
        deadLetter(job(T1, ALICE), MessageGrouping.TENANT);

        long deleted = purger.purge(T1, Optional.of(ALICE));

        assertThat(deleted).isEqualTo(2);
        assertThat(drain()).containsExactlyInAnyOrderElementsOf(bobs);
    }

    /** Receives every visible letter (deleting it), so only letters visible now are returned. */
    private static List<String> drain() {
        List<String> bodies = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queues.chatRequestsDlq()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            batch.forEach(message -> {
                bodies.add(message.body());
                sqs.deleteMessage(d -> d.queueUrl(queues.chatRequestsDlq()).receiptHandle(message.receiptHandle()));
            });
        } while (!batch.isEmpty());
        return bodies;
    }

    private static String deadLetter(ChatRequested job, MessageGrouping grouping) {
        String body = JSON.writeValueAsString(job);
        sqs.sendMessage(r -> r.queueUrl(queues.chatRequestsDlq()).messageBody(body)
                .messageGroupId(job.messageGroupId(grouping)).messageDeduplicationId(job.deduplicationId()));
        return body;
    }

    private static String poison(String group) {
        String body = "not a chat job " + UUID.randomUUID();
        sqs.sendMessage(r -> r.queueUrl(queues.chatRequestsDlq()).messageBody(body).messageGroupId(group)
                .messageDeduplicationId(UUID.randomUUID().toString()));
        return body;
    }

    private static ChatRequested job(TenantId tenant, UserId user) {
        return new ChatRequested(MessageId.next(Clock.systemUTC()), tenant, user, SessionId.random(), Instant.now());
    }
}
