package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.TenantId;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fairness inside one worker (ADR 004 addendum): at most a tenant's {@code max_in_flight} of its jobs generate at
 * once here; a job over the cap waits on its own (virtual) thread until one of the tenant's generations ends. The
 * job's lease is kept meanwhile and nothing is sent to the queue, so waiting spends no receive.
 */
public final class TenantSlots {

    /** Never waits. */
    public static final TenantSlots UNBOUNDED = new TenantSlots(TenantLimits.NONE);

    private final TenantLimits limits;
    private final Map<TenantId, Gate> gates = new ConcurrentHashMap<>();

    public TenantSlots(TenantLimits limits) {
        this.limits = limits;
    }

    /** Takes one of the tenant's slots, waiting while all are taken; close the slot to give it back. */
    public Slot acquire(TenantId tenant) throws InterruptedException {
        OptionalInt cap = limits.maxInFlight(tenant);
        if (cap.isEmpty()) {
            return () -> { };
        }
        Gate gate = gates.computeIfAbsent(tenant, t -> new Gate());
        gate.enter(cap.getAsInt());
        return gate::leave;
    }

    /** The tenant's jobs generating now in this worker (those holding a slot). */
    public int running(TenantId tenant) {
        Gate gate = gates.get(tenant);
        return gate == null ? 0 : gate.running();
    }

    /** A taken slot. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Gate {
        private int running;

        synchronized void enter(int cap) throws InterruptedException {
            while (running >= Math.max(1, cap)) {
                wait();
            }
            running++;
        }

        synchronized void leave() {
            running--;
            notifyAll();
        }

        synchronized int running() {
            return running;
        }
    }
}
