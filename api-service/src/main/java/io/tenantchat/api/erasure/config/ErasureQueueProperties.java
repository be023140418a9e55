package io.tenantchat.api.erasure.config;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The queue erasure purges of a tenant's or a user's letters.
 *
 * @param chatRequestsDlq the chat requests' dead-letter queue ({@code CHAT_REQUESTS_DLQ}, FIFO)
 * @param receiveWait how long each receive of a purge waits for letters (whole seconds, 0 to 20): long polling asks
 *     every SQS server, so three empty receives in a row mean the queue holds nothing more for the purge; 0 (short
 *     polling, which samples) suits only a stand-in that answers from one store, as the tests' ElasticMQ does
 */
@Validated
@ConfigurationProperties("tenantchat.erasure.queues")
public record ErasureQueueProperties(@NotBlank String chatRequestsDlq, @DefaultValue("1s") Duration receiveWait) {

    public ErasureQueueProperties {
        if (receiveWait.isNegative() || receiveWait.toSeconds() > 20) {
            throw new IllegalArgumentException("tenantchat.erasure.queues.receive-wait must be 0 to 20 seconds");
        }
    }
}
