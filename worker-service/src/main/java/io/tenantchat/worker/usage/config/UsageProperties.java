package io.tenantchat.worker.usage.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
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
 * @param prices USD per million input/output tokens by model id
 * @param batchWait longest an event waits for other jobs' events to share its PutEvents (at most 10 per call);
 *     100 ms when unset
 */
@Validated
@ConfigurationProperties("tenantchat.usage")
public record UsageProperties(@NotBlank String busName, @Nullable URI eventbridgeEndpoint, @NotNull Duration publishTimeout,
        @NotNull Duration initialBackoff, @NotNull Duration maxBackoff, Map<String, Price> prices,
        @Nullable Duration batchWait) {

    static final Duration DEFAULT_BATCH_WAIT = Duration.ofMillis(100);

    @ConstructorBinding
    public UsageProperties {
    }

    public UsageProperties(String busName, @Nullable URI eventbridgeEndpoint, Duration publishTimeout,
            Duration initialBackoff, Duration maxBackoff, Map<String, Price> prices) {
        this(busName, eventbridgeEndpoint, publishTimeout, initialBackoff, maxBackoff, prices, null);
    }

    public Duration batchWaitOrDefault() {
        return batchWait == null ? DEFAULT_BATCH_WAIT : batchWait;
    }

    /** One model's price. */
    public record Price(@NotNull BigDecimal inputPerMillion, @NotNull BigDecimal outputPerMillion) {
    }
}
