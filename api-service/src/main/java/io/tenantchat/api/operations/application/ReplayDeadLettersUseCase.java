package io.tenantchat.api.operations.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.ReplayFilter;
import io.tenantchat.api.operations.domain.ReplaySummary;

/**
 * Puts dead letters back through their work queue: receive, send, delete, one at a time, so an interrupted replay
 * leaves each letter either still dead-lettered or sent (possibly both, which the idempotent consumers absorb).
 */
public interface ReplayDeadLettersUseCase {

    /** A run that is not a dry run appends one audit entry per tenant whose letters it replayed, skipped or failed. */
    ReplaySummary replay(Caller caller, OperatedQueue queue, ReplayFilter filter, boolean dryRun);
}
