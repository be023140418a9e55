package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.usage.ModelInvoked;
import java.util.ArrayList;
import java.util.List;

/** Counts model calls; a duplicate or replayed event changes nothing. */
public interface RecordUsageUseCase {

    /** @return {@code false} for an event already counted */
    boolean record(ModelInvoked event);

    /** Counts several events together; each outcome is independent of the others'. */
    default List<RecordOutcome> recordAll(List<ModelInvoked> events) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (ModelInvoked event : events) {
            try {
                outcomes.add(record(event) ? RecordOutcome.COUNTED : RecordOutcome.DUPLICATE);
            } catch (RuntimeException e) {
                outcomes.add(RecordOutcome.FAILED);
            }
        }
        return outcomes;
    }
}
