package io.tenantchat.api.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the pool's signing keys are and how they are cached.
 *
 * @param uri the JWKS document ({@code <issuer>/.well-known/jwks.json} on Cognito)
 * @param cacheTtl how long a fetched key set is used before it is fetched again
 * @param refetchMinInterval unknown key ids trigger a refetch, at most twice per this interval, so forged
 *     {@code kid}s cannot turn every request into a call to the key endpoint
 * @param timeout connect and read timeout of one fetch
 */
public record JwksPolicy(URI uri, Duration cacheTtl, Duration refetchMinInterval, Duration timeout) {

    public JwksPolicy {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(refetchMinInterval, "refetchMinInterval");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static JwksPolicy defaults(URI uri) {
        return new JwksPolicy(uri, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2));
    }
}
