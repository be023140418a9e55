package io.tenantchat.worker.reply.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.worker.reply.application.QuotaHolds;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.usage.config.UsageProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaReconcilerConfigTests {

    private static final WorkerProperties WORKER = new WorkerProperties(5,
            new WorkerProperties.Retry(3, Duration.ofMillis(500), Duration.ofSeconds(8)),
            new WorkerProperties.Visibility(30, 10), new WorkerProperties.History(40, 100_000));
    private static final ModelProperties MODEL = ModelPropertiesTestData.agentCore("arn", Duration.ofSeconds(45));
    private static final UsageProperties USAGE = new UsageProperties("bus", null, Duration.ofSeconds(40),
            Duration.ofMillis(200), Duration.ofSeconds(5), Map.of());
    private static final QuotaHolds NONE = new QuotaHolds() {
        @Override
        public List<MessageRef> heldSince(Instant cutoff) {
            return List.of();
        }

        @Override
        public boolean releaseIfHeldSince(MessageRef ref, Instant cutoff) {
            return false;
        }
    };

    @Test
    void longestJobLifeIsEveryAttemptAtItsTimeoutAndLeasePlusOneLeaseAndTheUsagePublish() {
        assertThat(JobLife.longest(WORKER, MODEL, USAGE))
                .isEqualTo(Duration.ofSeconds(5 * (45 + 30) + 30 + 40));
    }

    @Test
    void refusesToStartWithAMaxAgeBelowTheLongestJobLife() {
        ReconcilerProperties tooShort = new ReconcilerProperties(true, Duration.ofMinutes(5), Duration.ofMinutes(5));

        assertThatThrownBy(() -> new QuotaReconcilerConfig().releaseStaleHoldsService(NONE, tooShort, WORKER, MODEL,
                USAGE, Clock.systemUTC())).isInstanceOf(IllegalStateException.class).hasMessageContaining("max-age");
    }

    @Test
    void startsWithTheDefaultMaxAge() {
        ReconcilerProperties defaults = new ReconcilerProperties(true, Duration.ofHours(1), Duration.ofMinutes(5));

        assertThat(new QuotaReconcilerConfig().releaseStaleHoldsService(NONE, defaults, WORKER, MODEL, USAGE,
                Clock.systemUTC()).releaseStaleHolds()).isZero();
    }
}
