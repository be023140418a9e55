package io.tenantchat.worker.reply.adapter.in.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.worker.reply.config.WorkerProperties;
import io.tenantchat.worker.reply.application.GenerateReplyUseCase;
import io.tenantchat.worker.reply.application.ReplyOutcome;
import io.tenantchat.worker.reply.domain.ChatModelException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class ChatJobListenerTests {

    private static final String JOB = """
            {"message_id":"0192f0c6-8a2b-7c3d-9e4f-0123456789ab","tenant_id":"tenant-001",
             "user_id":"6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f","session_id":"2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
             "requested_at":"2026-11-29T12:00:00Z"}""";
    private static final String GROUP = "tenant-001#2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d";

    private final List<ChatRequested> jobs = new ArrayList<>();
    private final SqsAsyncClient sqs = mock(SqsAsyncClient.class);
    private final LeaseKeeper leases = new LeaseKeeper(sqs, new WorkerProperties(5,
            new WorkerProperties.Retry(3, Duration.ZERO, Duration.ZERO), new WorkerProperties.Visibility(45, 15),
            new WorkerProperties.History(10, 1_000)), Clock.systemUTC(), false);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final List<Integer> leasesHeldDuringJob = new ArrayList<>();

    @AfterEach
    void stopHeartbeats() {
        leases.stop();
    }

    @Test
    void jobIsHandedToTheUseCaseWhileTheLeaseKeeperHoldsItWithoutAnImmediateVisibilityChange() {
        Message<String> received = MessageBuilder.fromMessage(message(JOB))
                .setHeader(SqsHeaders.SQS_QUEUE_URL_HEADER, "http://sqs/chat-requests.fifo")
                .setHeader(SqsHeaders.SQS_RECEIPT_HANDLE_HEADER, "receipt-1").build();

        listener(answering(ReplyOutcome.COMPLETED)).onChatRequested(received);

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.tenantId().value()).isEqualTo("tenant-001");
            assertThat(job.messageId().value()).isEqualTo("0192f0c6-8a2b-7c3d-9e4f-0123456789ab");
        });
        assertThat(leasesHeldDuringJob).containsExactly(1);
        assertThat(leases.held()).as("released once the job is done").isZero();
        verifyNoInteractions(sqs);
        verify(deadLetters, never()).send(any(), anyString(), anyString(), anyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{}", "{\"message_id\":\"nope\",\"tenant_id\":\"t\"}"})
    void malformedJobIsAcknowledgedWithoutReachingTheUseCase(String body) {
        listener(answering(ReplyOutcome.COMPLETED)).onChatRequested(message(body));

        assertThat(jobs).isEmpty();
    }

    @Test
    void retryableFailureLeavesTheJobUnacknowledged() {
        GenerateReplyUseCase failing = job -> {
            throw ChatModelException.retryable("The model is busy right now.", null);
        };

        assertThatThrownBy(() -> listener(failing).onChatRequested(message(JOB)))
                .isInstanceOf(ChatModelException.class);
        verify(deadLetters, never()).send(any(), anyString(), anyString(), anyString());
    }

    @ParameterizedTest
    @EnumSource(value = ReplyOutcome.class, names = {"FAILED", "ALREADY_FAILED"})
    void jobOfAFailedMessageIsCopiedToTheDeadLetterQueueWithItsGroup(ReplyOutcome outcome) {
        listener(answering(outcome)).onChatRequested(message(JOB));

        verify(deadLetters).send(any(ChatRequested.class), eq(JOB), eq(GROUP), eq("0192f0c6-8a2b-7c3d-9e4f-0123456789ab"));
    }

    @Test
    void requeuedJobIsDeadLetteredUnderTheDeduplicationIdItArrivedWith() {
        Message<String> requeued = MessageBuilder.fromMessage(message(JOB)).setHeader(
                SqsHeaders.MessageSystemAttributes.SQS_MESSAGE_DEDUPLICATION_ID_HEADER, "requeue-7").build();

        listener(answering(ReplyOutcome.FAILED)).onChatRequested(requeued);

        verify(deadLetters).send(any(ChatRequested.class), eq(JOB), eq(GROUP), eq("requeue-7"));
    }

    private ChatJobListener listener(GenerateReplyUseCase useCase) {
        return new ChatJobListener(useCase, JsonMapper.builder().build(), leases, deadLetters);
    }

    private GenerateReplyUseCase answering(ReplyOutcome outcome) {
        return job -> {
            jobs.add(job);
            leasesHeldDuringJob.add(leases.held());
            return outcome;
        };
    }

    private static Message<String> message(String body) {
        return MessageBuilder.withPayload(body)
                .setHeader(SqsHeaders.MessageSystemAttributes.SQS_MESSAGE_GROUP_ID_HEADER, GROUP).build();
    }
}
