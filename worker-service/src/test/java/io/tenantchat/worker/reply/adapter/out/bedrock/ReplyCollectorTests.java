package io.tenantchat.worker.reply.adapter.out.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.worker.reply.application.ReplyListener;
import io.tenantchat.worker.reply.domain.ModelReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

class ReplyCollectorTests {

    private final List<String> streamed = new ArrayList<>();
    private final ReplyCollector collector = new ReplyCollector(new ReplyListener() {
        @Override
        public void delta(String text) {
            streamed.add(text);
        }

        @Override
        public void restarted() {
            streamed.add("<restart>");
        }
    });
    private final ConverseStreamResponseHandler.Visitor visitor = collector.visitor();

    @Test
    void deltasAreConcatenated() {
        receive(messageStart(), delta("Paris"), delta(" it is."));

        assertThat(reply().text()).isEqualTo("Paris it is.");
    }

    @Test
    void partialTextIsDiscardedWhenTheMessageStartsAgain() {
        receive(messageStart(), delta("Par"), messageStart(), delta("Paris."));

        assertThat(reply().text()).isEqualTo("Paris.");
        assertThat(streamed).containsExactly("<restart>", "Par", "<restart>", "Paris.");
    }

    @Test
    void usageIsUnknownRatherThanZeroWithoutMetadata() {
        receive(messageStart(), delta("Paris."));

        assertThat(reply().inputTokens()).isNull();
        assertThat(reply().outputTokens()).isNull();
    }

    @Test
    void usageAndLatencyComeFromMetadata() {
        receive(messageStart(), delta("Paris."), ConverseStreamOutput.metadataBuilder()
                .usage(u -> u.inputTokens(42).outputTokens(2).totalTokens(44))
                .metrics(m -> m.latencyMs(321L))
                .build());

        assertThat(reply()).extracting(ModelReply::inputTokens, ModelReply::outputTokens, ModelReply::latency)
                .containsExactly(42, 2, Duration.ofMillis(321));
    }

    @Test
    void cacheTokensComeFromMetadata() {
        receive(messageStart(), delta("Paris."), ConverseStreamOutput.metadataBuilder()
                .usage(u -> u.inputTokens(12).outputTokens(2).totalTokens(1614)
                        .cacheReadInputTokens(1500).cacheWriteInputTokens(100))
                .build());

        assertThat(reply()).extracting(ModelReply::cacheReadInputTokens, ModelReply::cacheWriteInputTokens)
                .containsExactly(1500, 100);
    }

    @Test
    void cacheTokensAreUnknownWhenBedrockDoesNotReportThem() {
        receive(messageStart(), delta("Paris."), ConverseStreamOutput.metadataBuilder()
                .usage(u -> u.inputTokens(42).outputTokens(2).totalTokens(44))
                .build());

        assertThat(reply().cacheReadInputTokens()).isNull();
        assertThat(reply().cacheWriteInputTokens()).isNull();
    }

    @Test
    void measuredLatencyIsUsedWithoutMetadata() {
        receive(messageStart(), delta("Paris."));

        assertThat(reply().latency()).isEqualTo(Duration.ofSeconds(9));
    }

    private void receive(ConverseStreamOutput... events) {
        for (ConverseStreamOutput event : events) {
            event.accept(visitor);
        }
    }

    private ModelReply reply() {
        return collector.toReply("model", Duration.ofSeconds(9));
    }

    private static ConverseStreamOutput messageStart() {
        return ConverseStreamOutput.messageStartBuilder().role("assistant").build();
    }

    private static ConverseStreamOutput delta(String text) {
        return ConverseStreamOutput.contentBlockDeltaBuilder()
                .contentBlockIndex(0).delta(ContentBlockDelta.fromText(text)).build();
    }
}
