package io.tenantchat.worker.reply.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.shared.TenantId;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TenantSlotsTests {

    private static final TenantId CAPPED = TenantId.of("tenant-capped");
    private static final TenantId OPEN = TenantId.of("tenant-open");

    private final TenantSlots slots = new TenantSlots(
            tenant -> tenant.equals(CAPPED) ? OptionalInt.of(2) : OptionalInt.empty());

    @Test
    void aJobOverItsTenantsCapWaitsInTheWorkerUntilOneOfTheTenantsGenerationsEnds() throws Exception {
        TenantSlots.Slot first = slots.acquire(CAPPED);
        slots.acquire(CAPPED);
        AtomicBoolean third = new AtomicBoolean();
        Thread waiting = Thread.ofVirtual().start(() -> {
            try (TenantSlots.Slot slot = slots.acquire(CAPPED)) {
                third.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilFalse(third);
        assertThat(slots.running(CAPPED)).isEqualTo(2);
        first.close();

        await().atMost(Duration.ofSeconds(5)).untilTrue(third);
        waiting.join();
        assertThat(slots.running(CAPPED)).isOne();
    }

    @Test
    void anotherTenantAndTenantsWithoutACapNeverWait() throws Exception {
        slots.acquire(CAPPED);
        slots.acquire(CAPPED);

        for (int i = 0; i < 100; i++) {
            slots.acquire(OPEN);
        }

        assertThat(slots.running(CAPPED)).isEqualTo(2);
    }
}
