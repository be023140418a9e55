package io.tenantchat.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerSlotsTests {

    private final Caller alice = new Caller(TenantId.of("tenant-a"), UserId.of("alice"), Set.of());
    private final Caller aliceElsewhere = new Caller(TenantId.of("tenant-b"), UserId.of("alice"), Set.of());
    private final CallerSlots slots = new CallerSlots(2);

    @Test
    void refusesTheSlotPastTheMaximumAndGivesItAgainOnceOneIsReturned() {
        CallerSlots.Slot first = slots.acquire(alice).orElseThrow();
        slots.acquire(alice).orElseThrow();

        assertThat(slots.acquire(alice)).isEmpty();
        first.close();
        assertThat(slots.acquire(alice)).isPresent();
    }

    @Test
    void closingASlotTwiceGivesBackOnlyOne() {
        CallerSlots.Slot first = slots.acquire(alice).orElseThrow();
        slots.acquire(alice).orElseThrow();

        first.close();
        first.close();

        assertThat(slots.inUse(alice)).isEqualTo(1);
        slots.acquire(alice).orElseThrow();
        assertThat(slots.acquire(alice)).isEmpty();
    }

    @Test
    void countsEachTenantsUserApart() {
        slots.acquire(alice).orElseThrow();
        slots.acquire(alice).orElseThrow();

        assertThat(slots.acquire(aliceElsewhere)).isPresent();
    }

    @Test
    void forgetsCallersWithNothingInUse() {
        slots.acquire(alice).orElseThrow().close();

        assertThat(slots.total()).isZero();
        assertThat(slots.inUse(alice)).isZero();
    }
}
