package io.tenantchat.e2e;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads a service's {@code tenantchat.aws.requests} counters over {@code /actuator/metrics}, as an operator would. */
final class AwsRequestMetrics {

    static final String METER = "/actuator/metrics/tenantchat.aws.requests";

    private AwsRequestMetrics() {}

    /** {@code "<service> <operation>"} → requests sent so far; empty when the service has sent none. */
    static Map<String, Long> byOperation(URI service, String token) {
        ApiClient client = new ApiClient(service);
        ApiClient.Response all = client.get(METER, token);
        Map<String, Long> counts = new LinkedHashMap<>();
        if (all.status() == 404) {
            return counts;
        }
        for (String name : tagValues(all.json(), "service")) {
            for (String operation : tagValues(client.get(METER + "?tag=service:" + name, token).json(), "operation")) {
                JsonNode one = client.get(METER + "?tag=service:" + name + "&tag=operation:" + operation, token).json();
                counts.put(name + " " + operation, (long) one.path("measurements").get(0).path("value").asDouble());
            }
        }
        return counts;
    }

    private static Iterable<String> tagValues(JsonNode meter, String tag) {
        for (JsonNode available : meter.path("availableTags")) {
            if (tag.equals(available.path("tag").asString())) {
                return available.path("values").valueStream().map(JsonNode::asString).toList();
            }
        }
        return java.util.List.of();
    }
}
