package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.TenantId;
import java.util.OptionalInt;

/** Out-port: how many of a tenant's replies may generate at once (its plan's {@code max_in_flight}). */
public interface TenantLimits {

    /** No caps: every tenant unbounded. */
    TenantLimits NONE = tenant -> OptionalInt.empty();

    /** The tenant's cap; empty when it has none (no plan: the {@code open} tier). */
    OptionalInt maxInFlight(TenantId tenant);
}
