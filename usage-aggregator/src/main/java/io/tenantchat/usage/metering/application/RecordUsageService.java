package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.Rollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Derives the rollup increments of an event and hands them to the ledger in one step. */
public final class RecordUsageService implements RecordUsageUseCase {

    private static final Logger log = LoggerFactory.getLogger(RecordUsageService.class);

    private final UsageLedger ledger;

    public RecordUsageService(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean record(ModelInvoked event) {
        boolean recorded = ledger.record(event, Rollups.incrementsFor(event));
        if (!recorded) {
            log.info("usage event {} of tenant {} was already counted", event.eventId(), event.tenantId());
        }
        return recorded;
    }
}
