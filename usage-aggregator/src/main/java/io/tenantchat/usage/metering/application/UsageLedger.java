package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.RollupIncrement;
import java.util.List;

/** Out-port: stores an event's raw row and rollup increments, all or nothing, at most once per event id. */
public interface UsageLedger {

    /** @return {@code false} when the event was counted before (nothing changed) */
    boolean record(ModelInvoked event, List<RollupIncrement> increments);
}
