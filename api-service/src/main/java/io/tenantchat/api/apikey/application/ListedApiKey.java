package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.ApiKey;
import java.time.Instant;

/** A key as its tenant-admin lists it, with its state now. */
public record ListedApiKey(ApiKey key, Status status) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    static ListedApiKey of(ApiKey key, Instant now) {
        return new ListedApiKey(key, key.revoked() ? Status.REVOKED : key.usableAt(now) ? Status.ACTIVE : Status.EXPIRED);
    }
}
