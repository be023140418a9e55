package io.tenantchat.api.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTests {

    static final RetentionPolicy POLICY = new RetentionPolicy(30, Map.of("basic", 7, "premium", 365, "archive", 0));

    @Test
    void aTenantsOwnChoiceWinsOverItsTierAndTheDeployment() {
        assertThat(POLICY.days("basic", 90)).isEqualTo(90);
        assertThat(POLICY.days("open", 2)).isEqualTo(2);
    }

    @Test
    void aTenantsZeroKeepsForeverEvenWhereItsTierExpires() {
        assertThat(POLICY.days("basic", 0)).isZero();
    }

    @Test
    void withoutAChoiceTheTierDefaultApplies() {
        assertThat(POLICY.days("basic", null)).isEqualTo(7);
        assertThat(POLICY.days("premium", null)).isEqualTo(365);
        assertThat(POLICY.days("archive", null)).as("a tier may keep forever").isZero();
    }

    @Test
    void aTierWithoutItsOwnDefaultGetsTheDeployments() {
        assertThat(POLICY.days("open", null)).isEqualTo(30);
        assertThat(RetentionPolicy.FOREVER.days("basic", null)).isZero();
    }

    @Test
    void refusesNegativeDays() {
        assertThatThrownBy(() -> new RetentionPolicy(-1, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(0, Map.of("basic", -1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
