package io.tenantchat.worker.reply.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a client chose for one model call ({@code POST /v1/chat/completions}); null parts are the deployment's.
 *
 * @param modelId the model the api allowed for the tenant, or null (the configured model)
 * @param temperature the sampling temperature, or null (the configured one)
 */
public record ModelOptions(@Nullable String modelId, @Nullable Double temperature) {

    /** The deployment's model and temperature. */
    public static final ModelOptions DEFAULTS = new ModelOptions(null, null);
}
