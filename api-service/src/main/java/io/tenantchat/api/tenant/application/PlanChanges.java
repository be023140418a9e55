package io.tenantchat.api.tenant.application;

import io.tenantchat.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells every api instance that a tenant's plan changed, so each drops its cached copy at once. Without Redis
 * (one instance) the news stays in this process ({@link #inProcess()}); with Redis it reaches every instance. A saved
 * tenant profile is announced here too: the plan cache holds the profile's retention ({@link TenantPlans}).
 */
public interface PlanChanges {

    /** Announces that {@code tenantId}'s plan changed (this instance's listeners hear it too). */
    void publish(TenantId tenantId);

    /** Calls {@code listener} with each tenant whose plan changed, on any instance, from now on. */
    void subscribe(Consumer<TenantId> listener);

    /** Changes heard only by this process. */
    static PlanChanges inProcess() {
        List<Consumer<TenantId>> listeners = new CopyOnWriteArrayList<>();
        return new PlanChanges() {
            @Override
            public void publish(TenantId tenantId) {
                listeners.forEach(listener -> listener.accept(tenantId));
            }

            @Override
            public void subscribe(Consumer<TenantId> listener) {
                listeners.add(listener);
            }
        };
    }
}
