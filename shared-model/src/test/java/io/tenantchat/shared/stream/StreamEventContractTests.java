package io.tenantchat.shared.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StreamEventContractTests {

    private static final TenantId TENANT = TenantId.of("tenant-001");
    private static final SessionId SESSION = SessionId.of("2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final MessageId MESSAGE = MessageId.of("0192f0c6-8a2b-7c3d-9e4f-0123456789ab");

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"delta", "restarted", "completed", "completed-guardrail", "failed", "settled", "cancelled"})
    void eachEventRoundTripsThroughItsFixture(String name) throws IOException {
        StreamEvent event = json.readValue(fixture(name), StreamEvent.class);

        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(json.readTree(fixture(name)));
        assertThat(event.tenantId()).isEqualTo(TENANT);
        assertThat(event.sessionId()).isEqualTo(SESSION);
        assertThat(event.messageId()).isEqualTo(MESSAGE);
    }

    @Test
    void fixturesReadIntoTheTypedRecords() throws IOException {
        assertThat(json.readValue(fixture("delta"), StreamEvent.class))
                .isEqualTo(new ReplyDelta(TENANT, SESSION, MESSAGE, 2, 7, " Paris"));
        assertThat(json.readValue(fixture("restarted"), StreamEvent.class))
                .isEqualTo(new ReplyRestarted(TENANT, SESSION, MESSAGE, 2, 0));
        assertThat(json.readValue(fixture("completed"), StreamEvent.class)).isEqualTo(new ReplyCompleted(TENANT,
                SESSION, MESSAGE, "The capital of France is Paris.", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                new ReplyUsage(42, null)));
        assertThat(json.readValue(fixture("failed"), StreamEvent.class)).isEqualTo(new ReplyFailed(TENANT, SESSION,
                MESSAGE, new ReplyError("model_unavailable", "The model is busy right now.")));
        assertThat(json.readValue(fixture("settled"), StreamEvent.class))
                .isEqualTo(new ReplySettled(TENANT, SESSION, MESSAGE));
        assertThat(json.readValue(fixture("cancelled"), StreamEvent.class)).isEqualTo(new ReplyCancelled(TENANT,
                SESSION, MESSAGE, "The capital of", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                new ReplyUsage(12, 4)));
    }

    @Test
    void completedCarriesAStopReasonOnlyWhenAGuardrailIntervened() throws IOException {
        assertThat(json.readValue(fixture("completed-guardrail"), StreamEvent.class)).isEqualTo(new ReplyCompleted(
                TENANT, SESSION, MESSAGE, "This reply was withheld by your organisation's content policy.",
                "anthropic.claude-3-5-sonnet-20241022-v2:0", new ReplyUsage(42, 9), "guardrail_intervened"));
        assertThat(json.readTree(fixture("completed")).has("stop_reason")).isFalse();
        assertThat(json.readValue(fixture("completed"), ReplyCompleted.class).stopReason()).isNull();
    }

    @Test
    void cancelledWithoutAModelCallCarriesNullModelAndUsage() {
        ReplyCancelled queued = new ReplyCancelled(TENANT, SESSION, MESSAGE, "", null, null);

        var tree = json.readTree(json.writeValueAsString(queued));
        assertThat(tree.path("type").asString()).isEqualTo("cancelled");
        assertThat(tree.has("model_id")).isTrue();
        assertThat(tree.path("usage").isNull()).isTrue();
        assertThat(json.readValue(json.writeValueAsString(queued), StreamEvent.class)).isEqualTo(queued);
    }

    @Test
    void cancelRequestRoundTripsThroughItsFixture() throws IOException {
        CancelRequested request = json.readValue(fixture("cancel-requested"), CancelRequested.class);

        assertThat(request).isEqualTo(new CancelRequested(TENANT, SESSION, MESSAGE));
        assertThat(json.readTree(json.writeValueAsString(request))).isEqualTo(json.readTree(fixture("cancel-requested")));
        assertThat(StreamChannels.CANCELLATIONS).isEqualTo("tenantchat:cancellations");
    }

    @Test
    void concreteEventIsWrittenWithItsType() {
        String written = json.writeValueAsString(new ReplyDelta(TENANT, SESSION, MESSAGE, 1, 1, "Hi"));

        assertThat(json.readTree(written).path("type").asString()).isEqualTo("delta");
    }

    @Test
    void snapshotRoundTripsThroughItsFixture() throws IOException {
        ReplySnapshot snapshot = json.readValue(fixture("snapshot"), ReplySnapshot.class);

        assertThat(snapshot).isEqualTo(new ReplySnapshot(MESSAGE, 1, 3, "The capital of"));
        assertThat(json.readTree(json.writeValueAsString(snapshot))).isEqualTo(json.readTree(fixture("snapshot")));
    }

    @Test
    void positionsStartAtOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplyDelta(TENANT, SESSION, MESSAGE, 1, 0, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplyRestarted(TENANT, SESSION, MESSAGE, 0, 0));
    }

    @Test
    void channelsAndSnapshotKeysAreScopedByTenantAndSession() {
        assertThat(StreamChannels.channel(TENANT, SESSION))
                .isEqualTo("tenantchat:stream:tenant-001:2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");
        assertThat(StreamChannels.snapshotKey(TENANT, SESSION, MESSAGE)).isEqualTo(
                "tenantchat:partial:tenant-001:2b9c7a1e-3d4f-4a5b-8c6d-7e8f9a0b1c2d:0192f0c6-8a2b-7c3d-9e4f-0123456789ab");
    }

    private String fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contracts/stream/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
