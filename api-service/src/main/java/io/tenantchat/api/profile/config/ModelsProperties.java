package io.tenantchat.api.profile.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The models tenants may choose and what the worker's model provider applies ({@code tenantchat.models.*}).
 *
 * @param allowed model ids, inference profile ids or ARNs a tenant profile may name (empty: no choice)
 * @param provider the worker's model provider ({@code bedrock}, {@code openai}, {@code bedrock-agent},
 *     {@code agentcore}); a profile setting it cannot apply is refused on save
 * @param maxOutputTokens the largest {@code max_output_tokens} a profile may ask for
 */
@Validated
@ConfigurationProperties("tenantchat.models")
public record ModelsProperties(@DefaultValue List<String> allowed,
        @DefaultValue("bedrock") @NotNull @Pattern(regexp = "bedrock|openai|bedrock-agent|agentcore") String provider,
        @DefaultValue("4096") @Positive int maxOutputTokens) {

    public ModelsProperties {
        allowed = allowed.stream().map(String::strip).filter(model -> !model.isEmpty()).toList();
    }
}
