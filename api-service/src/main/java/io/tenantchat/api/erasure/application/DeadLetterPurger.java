package io.tenantchat.api.erasure.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Optional;

/**
 * Deletes dead letters of the chat pipeline (the chat requests' dead-letter queue) that belong to a tenant, or to
 * one user of it when {@code user} is given; every other letter stays in the queue, visible again at once.
 * Idempotent: a rerun deletes what is left.
 */
public interface DeadLetterPurger {

    /** @return the letters deleted by this pass */
    long purge(TenantId tenantId, Optional<UserId> user);
}
