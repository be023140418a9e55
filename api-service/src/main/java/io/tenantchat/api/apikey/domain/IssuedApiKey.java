package io.tenantchat.api.apikey.domain;

import java.util.Objects;

/** A key just created: the stored record and the whole key, which is shown this once and never again. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
