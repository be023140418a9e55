package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.domain.Rollups;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the rollup increments of events and hands them to the ledger: several at once when it can, and one by
 * one when the batch fails, so that one bad event never holds back the others.
 */
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

    @Override
    public List<RecordOutcome> recordAll(List<ModelInvoked> events) {
        if (!events.isEmpty()) {
            try {
                List<Boolean> counted = ledger.recordAll(events.stream()
                        .map(e -> new UsageLedger.Entry(e, Rollups.incrementsFor(e))).toList());
                return counted.stream().map(c -> c ? RecordOutcome.COUNTED : RecordOutcome.DUPLICATE).toList();
            } catch (RuntimeException e) {
                log.warn("a batch of {} usage events failed ({}); recording them one by one", events.size(),
                        e.toString());
            }
        }
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (ModelInvoked event : events) {
            try {
                outcomes.add(record(event) ? RecordOutcome.COUNTED : RecordOutcome.DUPLICATE);
            } catch (RuntimeException e) {
                log.warn("usage event {} could not be recorded: {}", event.eventId(), e.toString());
                outcomes.add(RecordOutcome.FAILED);
            }
        }
        return outcomes;
    }
}
