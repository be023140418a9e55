package io.tenantchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestWindowTests {

    @Test
    void countsOnlyWhatWasSentInsideTheWindow() {
        Map<String, Long> before = Map.of("api Sqs SendMessage", 40L, "worker Sqs ReceiveMessage", 900L);
        Map<String, Long> after = Map.of("api Sqs SendMessage", 140L, "worker Sqs ReceiveMessage", 950L,
                "worker DynamoDb Query", 100L, "aggregator Sqs ReceiveMessage", 0L);

        Map<String, Long> delta = RequestWindow.delta(before, after);

        assertThat(delta).containsExactlyInAnyOrderEntriesOf(Map.of("api Sqs SendMessage", 100L,
                "worker Sqs ReceiveMessage", 50L, "worker DynamoDb Query", 100L));
        assertThat(RequestWindow.per(delta, 100)).containsEntry("worker Sqs ReceiveMessage", 0.5);
    }

    @Test
    void aCounterThatWentDownCountsFromZero() {
        assertThat(RequestWindow.delta(Map.of("worker Sqs ReceiveMessage", 900L), Map.of("worker Sqs ReceiveMessage", 30L)))
                .containsEntry("worker Sqs ReceiveMessage", 30L);
    }

    @Test
    void totalLeavesOutTheExcludedOperation() {
        Map<String, Double> perMessage = Map.of("worker BedrockRuntime ConverseStream", 1.0, "api Sqs SendMessage", 1.0,
                "worker DynamoDb Query", 1.5);

        assertThat(RequestWindow.total(perMessage, "ConverseStream")).isEqualTo(2.5);
        assertThat(RequestWindow.total(perMessage, null)).isEqualTo(3.5);
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatIllegalArgumentException().isThrownBy(() -> RequestWindow.per(Map.of("a", 1L), 0));
    }
}
