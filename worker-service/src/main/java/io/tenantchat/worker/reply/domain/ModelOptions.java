package io.tenantchat.worker.reply.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a client chose for one model call ({@code POST /v1/chat/completions}); null parts are the tenant profile's,
 * else the deployment's. Applied through {@link ModelSettings#withClient}.
 *
 * @param modelId the model the api allowed for the tenant, or null (the profile's, else the configured model)
 * @param temperature the sampling temperature, or null (the profile's, else the configured one)
 */
public record ModelOptions(@Nullable String modelId, @Nullable Double temperature) {

    /** No choice: the tenant profile's model and temperature, else the deployment's. */
    public static final ModelOptions DEFAULTS = new ModelOptions(null, null);
}
