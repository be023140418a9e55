package io.tenantchat.worker.reply.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1_000));

    @Test
    void ceilingDoublesPerRetryUpToTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 6).mapToLong(policy::ceilingMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L);
    }

    @Test
    void pausesAreSpreadBetweenZeroAndTheCeiling() {
        Random random = new Random(42);

        var pauses = IntStream.range(0, 500).mapToObj(i -> policy.backoffBefore(3, random).toMillis()).toList();

        assertThat(pauses).allSatisfy(pause -> assertThat(pause).isBetween(0L, 400L));
        assertThat(pauses).anySatisfy(pause -> assertThat(pause).isLessThan(100L));
        assertThat(pauses).anySatisfy(pause -> assertThat(pause).isGreaterThan(300L));
    }

    @Test
    void hugeRetryNumbersDoNotOverflow() {
        assertThat(policy.ceilingMillis(10_000)).isEqualTo(1_000);
    }

    @Test
    void inconsistentBoundsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
