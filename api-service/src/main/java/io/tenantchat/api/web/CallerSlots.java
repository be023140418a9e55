package io.tenantchat.api.web;

import io.tenantchat.api.identity.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code max} things at once per caller (tenant and user) on this api instance: open sockets, waiting long
 * polls. A slot is taken with {@link #acquire} and given back by closing its {@link Slot}, at most once however
 * often it is closed; a caller with no slot in use holds no entry, so the map does not grow with past callers.
 */
public final class CallerSlots {

    private final int max;
    private final Map<String, Integer> inUse = new ConcurrentHashMap<>();

    public CallerSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.max = max;
    }

    public int max() {
        return max;
    }

    /** A slot for the caller, or empty when it holds {@code max} already. */
    public Optional<Slot> acquire(Caller caller) {
        String key = caller.tenantId().value() + "#" + caller.userId().value();
        AtomicBoolean taken = new AtomicBoolean();
        inUse.compute(key, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return n;
            }
            taken.set(true);
            return now + 1;
        });
        return taken.get() ? Optional.of(new Slot(key)) : Optional.empty();
    }

    /** Slots in use by the caller now. */
    public int inUse(Caller caller) {
        return inUse.getOrDefault(caller.tenantId().value() + "#" + caller.userId().value(), 0);
    }

    /** Slots in use by all callers now. */
    public int total() {
        return inUse.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One slot; {@link #close} gives it back once. */
    public final class Slot implements AutoCloseable {

        private final String key;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String key) {
            this.key = key;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                inUse.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            }
        }
    }
}
