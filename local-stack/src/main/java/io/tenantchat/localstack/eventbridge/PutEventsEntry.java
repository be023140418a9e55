package io.tenantchat.localstack.eventbridge;

import io.tenantchat.localstack.eventbridge.EventBridgeWire.Envelope;
import io.tenantchat.localstack.eventbridge.EventBridgeWire.ResultEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a PutEvents request, as sent.
 *
 * @param busName the bus name ({@code default} when absent; an ARN is cut to its name)
 * @param detail the {@code Detail} string, null when absent
 * @param time the entry's {@code Time}, or when it arrived
 */
record PutEventsEntry(
        String source, String detailType, String detail, String busName, List<String> resources, Instant time) {

    static final String DEFAULT_BUS = "default";
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    static PutEventsEntry from(JsonNode entry) {
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(resource -> resources.add(resource.asString()));
        return new PutEventsEntry(entry.path("Source").stringValue(null), entry.path("DetailType").stringValue(null),
                entry.path("Detail").stringValue(null), busName(entry.path("EventBusName").stringValue(DEFAULT_BUS)),
                List.copyOf(resources), time(entry.path("Time")));
    }

    /** Why EventBridge would fail this entry, if it would. */
    Optional<ResultEntry> problem() {
        if (isBlank(source) || isBlank(detailType) || isBlank(detail)) {
            String missing = isBlank(source) ? "Source" : isBlank(detailType) ? "DetailType" : "Detail";
            return Optional.of(ResultEntry.failed("InvalidArgument",
                    "Parameter " + missing + " is not valid. Reason: " + missing + " is a required argument."));
        }
        if (detailObject().isEmpty()) {
            return Optional.of(ResultEntry.failed("MalformedDetail", "Detail is malformed."));
        }
        return Optional.empty();
    }

    /** The envelope this entry is delivered in; call only when {@link #problem()} is empty. */
    Envelope envelope(String eventId) {
        String isoSeconds = time.truncatedTo(ChronoUnit.SECONDS).toString();
        return new Envelope("0", eventId, detailType, source, ACCOUNT, isoSeconds, REGION, resources,
                detailObject().orElseThrow());
    }

    private Optional<JsonNode> detailObject() {
        try {
            JsonNode parsed = EventBridgeWire.JSON.readTree(detail);
            return parsed.isObject() ? Optional.of(parsed) : Optional.empty();
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }

    private static String busName(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }

    /** The SDK sends {@code Time} as epoch seconds with a fraction; a string is read as ISO-8601. */
    private static Instant time(JsonNode time) {
        if (time.isNumber()) {
            return Instant.ofEpochMilli(Math.round(time.doubleValue() * 1000));
        }
        return time.isString() ? Instant.parse(time.stringValue()) : Instant.now();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
