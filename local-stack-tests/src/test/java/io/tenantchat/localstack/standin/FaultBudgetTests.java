package io.tenantchat.localstack.standin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultBudgetTests {

    @Test
    void hitsOnlyAsManyRequestsAsItsBudget() {
        FaultBudget<String> budget = new FaultBudget<>("throttle", 2);

        assertThat(budget.draw(f -> true)).hasValue("throttle");
        assertThat(budget.draw(f -> true)).hasValue("throttle");
        assertThat(budget.draw(f -> true)).isEmpty();
    }

    @Test
    void spendsNothingOnRequestsItDoesNotApplyTo() {
        FaultBudget<String> budget = new FaultBudget<>("in-stream", 1);

        assertThat(budget.draw(f -> false)).isEmpty();
        assertThat(budget.draw(f -> true)).hasValue("in-stream");
    }
}
