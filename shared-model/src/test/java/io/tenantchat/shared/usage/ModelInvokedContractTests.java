package io.tenantchat.shared.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tenantchat.shared.MessageId;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ModelInvokedContractTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheFixtureWithUsageAndCost() throws IOException {
        ModelInvoked event = json.readValue(fixture("model-invoked.json"), ModelInvoked.class);

        assertThat(event.eventId()).isEqualTo(ModelInvoked.eventIdOf(event.messageId(), 2));
        assertThat(event.inputTokens()).isEqualTo(150L);
        assertThat(event.costUsd()).isEqualByComparingTo(new BigDecimal("0.00495"));
        assertThat(event.status()).isEqualTo(InvocationStatus.COMPLETED);
        assertThat(event.metricType()).isEqualTo("model_invocation");
    }

    @Test
    void writesExactlyTheFixtureFields() throws IOException {
        ModelInvoked event = json.readValue(fixture("model-invoked.json"), ModelInvoked.class);

        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(json.readTree(fixture("model-invoked.json")));
    }

    @Test
    void readsTheEventBridgeEnvelopeAroundAnAgentCallWithUnknownUsage() throws IOException {
        EventBridgeEnvelope<ModelInvoked> envelope = json.readValue(fixture("model-invoked-envelope.json"),
                new TypeReference<EventBridgeEnvelope<ModelInvoked>>() { });

        assertThat(envelope.detailType()).isEqualTo(ModelInvoked.DETAIL_TYPE);
        assertThat(envelope.source()).isEqualTo(ModelInvoked.SOURCE);
        assertThat(envelope.detail().inputTokens()).isNull();
        assertThat(envelope.detail().metricType()).isEqualTo("agent_invocation");
        assertThat(envelope.detail().status()).isEqualTo(InvocationStatus.DISCARDED);
    }

    @Test
    void refusesAnEventIdThatIsNotMessageAndAttempt() {
        MessageId id = MessageId.of("0192f0c6-8a2b-7c3d-9e4f-0123456789ab");

        assertThatIllegalArgumentException().isThrownBy(() -> new ModelInvoked("random", io.tenantchat.shared.TenantId.of("t"),
                io.tenantchat.shared.UserId.of("u"), io.tenantchat.shared.SessionId.random(), id, 1, "m", null, 1L, 1L,
                null, null, 1, Instant.now(), InvocationStatus.COMPLETED, null));
    }

    @Test
    void bucketsSortInTimeOrder() {
        Instant t = Instant.parse("2026-11-29T13:45:00Z");

        assertThat(Granularity.HOUR.bucket(t)).isEqualTo("2026-11-29T13");
        assertThat(Granularity.DAY.bucket(t)).isEqualTo("2026-11-29");
        assertThat(Granularity.MONTH.bucket(t)).isEqualTo("2026-11");
        assertThat(UsageRollupKeys.shardOf("x#1", 4)).isBetween(0, 3);
    }

    private String fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
