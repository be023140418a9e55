package io.tenantchat.localstack.eventbridge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes EventBridge puts on the wire: PutEvents results, AWS JSON errors and the event envelope. */
final class EventBridgeWire {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private EventBridgeWire() {}

    record PutEventsResponse(
            @JsonProperty("FailedEntryCount") int failedEntryCount,
            @JsonProperty("Entries") List<ResultEntry> entries) {}

    /** Either an event id or an error code with its message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResultEntry(
            @JsonProperty("EventId") String eventId,
            @JsonProperty("ErrorCode") String errorCode,
            @JsonProperty("ErrorMessage") String errorMessage) {

        static ResultEntry accepted(String eventId) {
            return new ResultEntry(eventId, null, null);
        }

        static ResultEntry failed(String errorCode, String errorMessage) {
            return new ResultEntry(null, errorCode, errorMessage);
        }

        boolean isFailure() {
            return errorCode != null;
        }
    }

    record AwsJsonError(@JsonProperty("__type") String type, String message) {}

    /** The envelope EventBridge wraps every event in; {@code detail} is a JSON object, not a string. */
    @JsonPropertyOrder({"version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"})
    record Envelope(
            String version,
            String id,
            @JsonProperty("detail-type") String detailType,
            String source,
            String account,
            String time,
            String region,
            List<String> resources,
            JsonNode detail) {}
}
