package io.tenantchat.api.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP hardening settings.
 *
 * @param allowedOrigins browser origins allowed to call the API cross-origin (CORS); none by default
 * @param maxRequestBody request bodies above this are refused with 413 before they are read
 */
@ConfigurationProperties("tenantchat.web")
public record WebProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("256KB") DataSize maxRequestBody) {

    public WebProperties {
        allowedOrigins = allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
    }
}
