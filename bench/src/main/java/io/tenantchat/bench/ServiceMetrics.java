package io.tenantchat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** A running service's actuator metrics: its AWS request counters and its heap in use. */
record ServiceMetrics(String name, URI baseUrl, String token, HttpClient http) {

    private static final String AWS = "/actuator/metrics/tenantchat.aws.requests";

    /** {@code "<Service> <Operation>"} → requests sent since the service started. */
    Map<String, Long> awsRequests() {
        Map<String, Long> counts = new TreeMap<>();
        JsonNode all = get(AWS);
        if (all == null) {
            return counts;
        }
        for (String service : tagValues(all, "service")) {
            for (String operation : tagValues(get(AWS + "?tag=service:" + service), "operation")) {
                JsonNode one = get(AWS + "?tag=service:" + service + "&tag=operation:" + operation);
                counts.put(service + " " + operation, (long) one.path("measurements").get(0).path("value").asDouble());
            }
        }
        return counts;
    }

    long heapUsedMb() {
        JsonNode heap = get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        return heap == null ? -1 : (long) (heap.path("measurements").get(0).path("value").asDouble() / (1 << 20));
    }

    long heapMaxMb() {
        JsonNode heap = get("/actuator/metrics/jvm.memory.max?tag=area:heap");
        return heap == null ? -1 : (long) (heap.path("measurements").get(0).path("value").asDouble() / (1 << 20));
    }

    /** The metric, or null when the service does not answer (busy, or gone). */
    private JsonNode get(String path) {
        try {
            return Api.getJson(http, baseUrl.resolve(path), token);
        } catch (RuntimeException unanswered) {
            return null;
        }
    }

    private static List<String> tagValues(JsonNode meter, String tag) {
        for (JsonNode available : meter.path("availableTags")) {
            if (tag.equals(available.path("tag").asString())) {
                return available.path("values").valueStream().map(JsonNode::asString).toList();
            }
        }
        return List.of();
    }
}
