package io.tenantchat.api.stream.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code GET /api/chat/{message_id}/events} ({@code tenantchat.stream.events.*}).
 *
 * @param keepAlive how often an idle stream gets a comment line, so proxies keep it open and a client that went
 *     away is noticed (its slot freed) at the latest at the next one
 * @param maxDuration how long one stream lasts at most; the client then resumes with {@code Last-Event-ID}
 */
@Validated
@ConfigurationProperties("tenantchat.stream.events")
public record EventStreamProperties(@NotNull @DefaultValue("15s") Duration keepAlive,
        @NotNull @DefaultValue("10m") Duration maxDuration) {

    public static EventStreamProperties defaults() {
        return new EventStreamProperties(Duration.ofSeconds(15), Duration.ofMinutes(10));
    }
}
