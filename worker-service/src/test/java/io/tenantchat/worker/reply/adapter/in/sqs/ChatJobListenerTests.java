package io.tenantchat.worker.reply.adapter.in.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.ChatRequested;
import io.tenantchat.worker.reply.application.GenerateReplyUseCase;
import io.tenantchat.worker.reply.application.ReplyOutcome;
import io.tenantchat.worker.reply.domain.ChatModelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ChatJobListenerTests {

    private static final String JOB = """
            {"message_id":"0192f0c6-8a2b-7c3d-9e4f-0123456789ab","tenant_id":"tenant-001",
             "user_id":"6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f","session_id":"2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
             "requested_at":"2026-11-29T12:00:00Z"}""";

    private final List<ChatRequested> jobs = new ArrayList<>();
    private final ChatJobListener listener = new ChatJobListener(recordingUseCase(), JsonMapper.builder().build());

    @Test
    void jobIsHandedToTheUseCase() {
        listener.onChatRequested(JOB);

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.tenantId().value()).isEqualTo("tenant-001");
            assertThat(job.messageId().value()).isEqualTo("0192f0c6-8a2b-7c3d-9e4f-0123456789ab");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{}", "{\"message_id\":\"nope\",\"tenant_id\":\"t\"}"})
    void malformedJobIsAcknowledgedWithoutReachingTheUseCase(String body) {
        listener.onChatRequested(body);

        assertThat(jobs).isEmpty();
    }

    @Test
    void retryableFailureLeavesTheJobUnacknowledged() {
        GenerateReplyUseCase failing = job -> {
            throw ChatModelException.retryable("The model is busy right now.", null);
        };
        ChatJobListener failingListener = new ChatJobListener(failing, JsonMapper.builder().build());

        assertThatThrownBy(() -> failingListener.onChatRequested(JOB)).isInstanceOf(ChatModelException.class);
    }

    private GenerateReplyUseCase recordingUseCase() {
        return job -> {
            jobs.add(job);
            return ReplyOutcome.COMPLETED;
        };
    }
}
