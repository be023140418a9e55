package io.tenantchat.usage.metering.application;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.RejectionReason;
import io.tenantchat.usage.metering.domain.UsageEventRejection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageEventPolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-29T14:00:00Z");
    private static final UsageEventPolicy.Limits LIMITS = new UsageEventPolicy.Limits("123456789012", "eu-west-1",
            2_000_000, Duration.ofHours(1), new BigDecimal("100"), Duration.ofMinutes(5));

    private final UsageEventPolicy policy = new UsageEventPolicy(LIMITS);

    @Test
    void admitsTheWorkersEventFromTheExpectedAccountAndRegion() {
        assertThat(envelope(ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, "123456789012", "eu-west-1")).isEmpty();
        assertThat(policy.checkEvent(anEvent().build(), NOW)).isEmpty();
    }

    @Test
    void refusesAnotherSourceOrDetailType() {
        assertThat(envelope("tenantchat.api", ModelInvoked.DETAIL_TYPE, "123456789012", "eu-west-1"))
                .map(UsageEventRejection::reason).contains(RejectionReason.WRONG_SOURCE);
        assertThat(envelope(null, ModelInvoked.DETAIL_TYPE, "123456789012", "eu-west-1"))
                .map(UsageEventRejection::reason).contains(RejectionReason.WRONG_SOURCE);
        assertThat(envelope(ModelInvoked.SOURCE, "ModelRefunded", "123456789012", "eu-west-1"))
                .map(UsageEventRejection::reason).contains(RejectionReason.WRONG_DETAIL_TYPE);
    }

    @Test
    void refusesAnotherAccountOrRegionWhereAnAccountIsExpected() {
        assertThat(envelope(ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, "999999999999", "eu-west-1"))
                .map(UsageEventRejection::reason).contains(RejectionReason.WRONG_ACCOUNT);
        assertThat(envelope(ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, null, "eu-west-1"))
                .map(UsageEventRejection::reason).contains(RejectionReason.WRONG_ACCOUNT);
        assertThat(envelope(ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, "123456789012", "us-east-1"))
                .map(UsageEventRejection::reason).contains(RejectionReason.WRONG_REGION);
    }

    @Test
    void checksNeitherAccountNorRegionWhereNoAccountIsExpected() {
        UsageEventPolicy local = new UsageEventPolicy(new UsageEventPolicy.Limits("", "eu-west-1", 2_000_000,
                Duration.ofHours(1), new BigDecimal("100"), Duration.ofMinutes(5)));

        assertThat(local.checkEnvelope(ModelInvoked.SOURCE, ModelInvoked.DETAIL_TYPE, "000000000000", "us-east-1"))
                .isEmpty();
    }

    @Test
    void refusesNegativeOrAbsurdTokenCounts() {
        assertThat(reason(anEvent().tokens(-1L, 10L).build())).contains(RejectionReason.VALUE_OUT_OF_RANGE);
        assertThat(reason(anEvent().tokens(10L, -5L).build())).contains(RejectionReason.VALUE_OUT_OF_RANGE);
        assertThat(reason(anEvent().tokens(2_000_001L, 10L).build())).contains(RejectionReason.VALUE_OUT_OF_RANGE);
        assertThat(reason(anEvent().tokens(Long.MAX_VALUE, 10L).build())).contains(RejectionReason.VALUE_OUT_OF_RANGE);
        assertThat(reason(anEvent().tokens(2_000_000L, 0L).build())).isEmpty();
        assertThat(reason(anEvent().tokens(null, null).build())).as("usage not reported: unknown, not wrong").isEmpty();
    }

    @Test
    void refusesANegativeOrAbsurdCost() {
        assertThat(reason(anEvent().cost(new BigDecimal("-0.01")).build()))
                .contains(RejectionReason.VALUE_OUT_OF_RANGE);
        assertThat(reason(anEvent().cost(new BigDecimal("100.01")).build()))
                .contains(RejectionReason.VALUE_OUT_OF_RANGE);
        assertThat(reason(anEvent().cost(null).build())).isEmpty();
    }

    @Test
    void refusesANegativeOrAbsurdLatency() {
        assertThat(reason(anEvent().latency(-1).build())).contains(RejectionReason.VALUE_OUT_OF_RANGE);
        assertThat(reason(anEvent().latency(Duration.ofHours(2).toMillis()).build()))
                .contains(RejectionReason.VALUE_OUT_OF_RANGE);
    }

    @Test
    void refusesAModelIdThatIsNoModelId() {
        assertThat(reason(anEvent().model("").build())).contains(RejectionReason.INVALID_MODEL_ID);
        assertThat(reason(anEvent().model("claude <script>").build())).contains(RejectionReason.INVALID_MODEL_ID);
        assertThat(reason(anEvent().model("x".repeat(300)).build())).contains(RejectionReason.INVALID_MODEL_ID);
        assertThat(reason(anEvent().model("us.anthropic.claude-3-5-haiku-20241022-v1:0").build())).isEmpty();
        assertThat(reason(anEvent().model(
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0")
                .build())).isEmpty();
        assertThat(reason(anEvent().model("gpt-4o-mini").build())).isEmpty();
    }

    @Test
    void refusesAnInvocationInTheFuture() {
        assertThat(reason(anEvent().at(NOW.plus(Duration.ofHours(1))).build()))
                .contains(RejectionReason.INVOCATION_IN_THE_FUTURE);
        assertThat(reason(anEvent().at(NOW.plus(Duration.ofMinutes(4))).build())).isEmpty();
    }

    private Optional<UsageEventRejection> envelope(String source, String detailType, String account, String region) {
        return policy.checkEnvelope(source, detailType, account, region);
    }

    private Optional<RejectionReason> reason(ModelInvoked event) {
        return policy.checkEvent(event, NOW).map(UsageEventRejection::reason);
    }
}
