package io.tenantchat.worker.usage.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Usage publishing ({@code tenantchat.usage.*}).
 *
 * @param busName the EventBridge bus
 * @param eventbridgeEndpoint endpoint override (the local stand-in); unset on AWS
 * @param publishTimeout how long a job keeps trying to publish its usage before it is left for redelivery
 * @param initialBackoff first pause between attempts, doubled up to {@code maxBackoff}
 * @param prices USD per million input/output (and prompt-cache read/write) tokens by model id
 * @param batchWait longest an event waits for other jobs' events to share its PutEvents (at most 10 per call);
 *     100 ms when unset
 * @param inferenceProfiles the model each application inference profile copies, so its calls are priced as that
 *     model (an application profile's ARN names no model); every one the worker calls must be listed
 */
@Validated
@ConfigurationProperties("tenantchat.usage")
public record UsageProperties(@NotBlank String busName, @Nullable URI eventbridgeEndpoint, @NotNull Duration publishTimeout,
        @NotNull Duration initialBackoff, @NotNull Duration maxBackoff, Map<String, Price> prices,
        @Nullable Duration batchWait, @Nullable List<@Valid InferenceProfile> inferenceProfiles) {

    static final Duration DEFAULT_BATCH_WAIT = Duration.ofMillis(100);

    @ConstructorBinding
    public UsageProperties {
        inferenceProfiles = inferenceProfiles == null ? List.of() : List.copyOf(inferenceProfiles);
    }

    public UsageProperties(String busName, @Nullable URI eventbridgeEndpoint, Duration publishTimeout,
            Duration initialBackoff, Duration maxBackoff, Map<String, Price> prices) {
        this(busName, eventbridgeEndpoint, publishTimeout, initialBackoff, maxBackoff, prices, null, null);
    }

    public Duration batchWaitOrDefault() {
        return batchWait == null ? DEFAULT_BATCH_WAIT : batchWait;
    }

    /**
     * One model's price. A cache price left out is the input price (the safe side: never under the bill).
     *
     * @param cacheReadPerMillion prompt-cache reads (Bedrock: typically 10% of input)
     * @param cacheWritePerMillion prompt-cache writes (Bedrock: typically 125% of input)
     */
    public record Price(@NotNull BigDecimal inputPerMillion, @NotNull BigDecimal outputPerMillion,
            @Nullable BigDecimal cacheReadPerMillion, @Nullable BigDecimal cacheWritePerMillion) {

        public Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
            this(inputPerMillion, outputPerMillion, null, null);
        }
    }

    /**
     * An application inference profile and the model (or system inference profile) it copies.
     *
     * @param arn the profile's ARN, as the worker calls it ({@code tenantchat.model.tenant-models})
     * @param modelId the model id whose price applies, e.g. {@code us.anthropic.claude-sonnet-4-20250514-v1:0}
     */
    public record InferenceProfile(@NotBlank String arn, @NotBlank String modelId) {
    }
}
