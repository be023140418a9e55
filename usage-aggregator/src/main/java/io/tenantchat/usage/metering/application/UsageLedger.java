package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.RollupIncrement;
import java.util.ArrayList;
import java.util.List;

/** Out-port: stores an event's raw row and rollup increments, all or nothing, at most once per event id. */
public interface UsageLedger {

    /** @return {@code false} when the event was counted before (nothing changed) */
    boolean record(ModelInvoked event, List<RollupIncrement> increments);

    /**
     * Stores several events, each at most once, in as few requests as the store allows.
     *
     * @return per entry, in order, whether it was counted now ({@code false}: counted before)
     * @throws RuntimeException when some could not be stored; entries stored before the failure stay counted (a
     *     later attempt finds them counted)
     */
    default List<Boolean> recordAll(List<Entry> entries) {
        List<Boolean> counted = new ArrayList<>();
        entries.forEach(entry -> counted.add(record(entry.event(), entry.increments())));
        return counted;
    }

    /** One event and what it adds to the rollups. */
    record Entry(ModelInvoked event, List<RollupIncrement> increments) {}
}
