package io.tenantchat.shared.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The envelope EventBridge wraps around an event's detail when it delivers it to an SQS target. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBridgeEnvelope<T>(
        @JsonProperty("version") String version,
        @JsonProperty("id") String id,
        @JsonProperty("detail-type") String detailType,
        @JsonProperty("source") String source,
        @JsonProperty("account") String account,
        @JsonProperty("time") Instant time,
        @JsonProperty("region") String region,
        @JsonProperty("resources") List<String> resources,
        @JsonProperty("detail") T detail) {
}
