package io.tenantchat.shared.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTests {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00.750Z");

    @Test
    void expiresTheGivenNumberOfDaysAfterTheWriteInEpochSeconds() {
        assertThat(Retention.expiresAt(AT, 30)).isEqualTo(Instant.parse("2026-01-31T10:00:00Z").getEpochSecond());
        assertThat(Retention.expiresAt(AT, 1)).isEqualTo(AT.getEpochSecond() + 86_400);
    }

    @Test
    void keepsForeverWithoutRetentionOrWithZeroDays() {
        assertThat(Retention.expiresAt(AT, null)).isNull();
        assertThat(Retention.expiresAt(AT, 0)).isNull();
        assertThat(Retention.expiresAt(AT, -3)).isNull();
    }

    @Test
    void anItemIsGoneFromTheSecondItExpires() {
        long expiresAt = AT.getEpochSecond();
        assertThat(Retention.live(expiresAt, AT.minusSeconds(1))).isTrue();
        assertThat(Retention.live(expiresAt, AT)).isFalse();
        assertThat(Retention.live(expiresAt, AT.plusSeconds(1))).isFalse();
        assertThat(Retention.live(null, AT)).isTrue();
    }

    @Test
    void theConditionNamesTheTtlAttributeAndTheNowValue() {
        assertThat(Retention.LIVE_CONDITION)
                .isEqualTo("(attribute_not_exists(expires_at) OR expires_at > :now_epoch)")
                .contains(Retention.NOW_EPOCH);
    }
}
