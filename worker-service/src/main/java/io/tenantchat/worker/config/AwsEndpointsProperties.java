package io.tenantchat.worker.config;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Endpoints of AWS services that spring-cloud-aws does not configure ({@code tenantchat.aws.*}). Unset on AWS;
 * the local profile points them at the stand-ins.
 */
@ConfigurationProperties("tenantchat.aws")
public record AwsEndpointsProperties(@Nullable URI bedrockRuntimeEndpoint) {}
