package io.tenantchat.usage.metering.application;

/** What became of one event handed to {@link RecordUsageUseCase#recordAll}. */
public enum RecordOutcome {
    /** Counted now. */
    COUNTED,
    /** Counted before: nothing changed. */
    DUPLICATE,
    /** Not stored (the store failed); it may be handed in again. */
    FAILED
}
