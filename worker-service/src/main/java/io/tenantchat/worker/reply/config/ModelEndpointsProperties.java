package io.tenantchat.worker.reply.config;

import io.tenantchat.worker.config.AwsEndpointsProperties;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Endpoints of the agent services ({@code tenantchat.aws.*}, beside {@link AwsEndpointsProperties}). Unset on AWS;
 * tests and the local profile point them at the stand-ins.
 */
@ConfigurationProperties("tenantchat.aws")
public record ModelEndpointsProperties(@Nullable URI bedrockAgentRuntimeEndpoint,
        @Nullable URI bedrockAgentcoreEndpoint) {}
