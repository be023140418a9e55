package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.usage.ModelInvoked;

/** Counts one model call; a duplicate or replayed event changes nothing. */
public interface RecordUsageUseCase {

    /** @return {@code false} for an event already counted */
    boolean record(ModelInvoked event);
}
