package io.tenantchat.worker.reply.adapter.out.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.ModelReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionStreamTests {

    private final List<String> deltas = new ArrayList<>();
    private final CompletionStream stream = new CompletionStream(deltas::add);

    @Test
    void assemblesContentDeltasAndReadsUsageFromTheLastChunk() {
        feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}", "",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}", "",
                ": ping", "",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}", "",
                "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}", "",
                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}", "",
                "data: [DONE]", "");

        ModelReply reply = stream.toReply("llama3.2", Duration.ofMillis(5));

        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(reply.text()).isEqualTo("Hello");
        assertThat(reply.inputTokens()).isEqualTo(9);
        assertThat(reply.outputTokens()).isEqualTo(2);
        assertThat(reply.cacheReadInputTokens()).as("not reported, so unknown").isNull();
    }

    @Test
    void readsCachedPromptTokensAsCacheReads() {
        feed("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}",
                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":2006,\"completion_tokens\":1,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1920}}}",
                "data: [DONE]");

        ModelReply reply = stream.toReply("gpt-4o", Duration.ofMillis(5));

        assertThat(reply.inputTokens()).as("the uncached prompt tokens, as Bedrock reports them").isEqualTo(86);
        assertThat(reply.cacheReadInputTokens()).isEqualTo(1920);
        assertThat(reply.cacheWriteInputTokens()).isNull();
    }

    @Test
    void leavesUsageUnknownWhenTheServerSendsNone() {
        feed("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}", "data: [DONE]");

        ModelReply reply = stream.toReply("m", Duration.ZERO);

        assertThat(reply.inputTokens()).isNull();
        assertThat(reply.outputTokens()).isNull();
    }

    @Test
    void failsRetryablyOnAnErrorChunk() {
        feed("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}", "data: {\"error\":{\"message\":\"boom\"}}");

        assertThatThrownBy(() -> stream.toReply("m", Duration.ZERO))
                .isInstanceOfSatisfying(ChatModelException.class, e -> assertThat(e.isRetryable()).isTrue());
    }

    @Test
    void failsRetryablyWhenTheStreamEndsEarly() {
        feed("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}");

        assertThatThrownBy(() -> stream.toReply("m", Duration.ZERO))
                .isInstanceOfSatisfying(ChatModelException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("ended before the reply was complete");
    }

    private void feed(String... lines) {
        for (String line : lines) {
            stream.onNext(line);
        }
    }

}
