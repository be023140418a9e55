package io.tenantchat.api.erasure.domain;

import java.util.Locale;

/**
 * The steps of an erasure, in the order they run. Each is idempotent: a job taken over after a crash runs its
 * current step again from the start and finds only what is left. {@link #TENANT_ITEMS} runs only when a tenant is
 * off-boarded; {@link #DONE} is where a completed job stands.
 */
public enum ErasureStep {
    /** Sessions with their messages, lookups and idempotency items; cancel signals, quota holds, Redis snapshots. */
    SESSIONS,
    /** The per-user session counter items. */
    SESSION_COUNTERS,
    /** API keys whose principal is the user (off-boarding: all of the tenant's). */
    API_KEYS,
    /** The chat pipeline's dead letters. */
    DEAD_LETTERS,
    /** Usage rows and rollups: the user id replaced by its pseudonym. */
    USAGE,
    /** Off-boarding only: the tenant's plan, profile, counters and holds. */
    TENANT_ITEMS,
    DONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErasureStep ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The step after this one for {@code subject}. */
    public ErasureStep next(ErasureSubject subject) {
        ErasureStep next = values()[ordinal() + 1];
        return next == TENANT_ITEMS && !subject.isTenant() ? DONE : next;
    }
}
