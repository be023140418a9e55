package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document as the running service serves it, and checks of live answers against its schemas. */
final class ApiDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    static ApiDocument fetch(RunningApi api) {
        HttpResponse<String> response = RunningApi.send(HttpRequest.newBuilder(api.uri("/v3/api-docs")).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ApiDocument(JSON.readTree(response.body()));
    }

    JsonNode root() {
        return root;
    }

    /** {@code METHOD /path} of every operation. */
    Set<String> operationKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    keys.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return keys;
    }

    JsonNode operation(String key) {
        String method = key.substring(0, key.indexOf(' ')).toLowerCase(Locale.ROOT);
        return root.path("paths").path(key.substring(key.indexOf(' ') + 1)).path(method);
    }

    /** The JSON schema documented for {@code status} of the operation (any JSON media type), $refs resolved. */
    JsonNode responseSchema(String key, int status) {
        JsonNode content = operation(key).path("responses").path(Integer.toString(status)).path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (media.getKey().contains("json") || media.getKey().equals("*/*")) {
                return resolve(media.getValue().path("schema"));
            }
        }
        return JSON.missingNode();
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String name = current.get("$ref").asString().replace("#/components/schemas/", "");
            current = root.path("components").path("schemas").path(name);
        }
        return current;
    }

    /**
     * Lines of an NDJSON answer (200) that none of the {@code oneOf} schemas documented for
     * {@code application/x-ndjson} describes; a line must conform to at least one.
     */
    List<String> undocumentedLines(String body, String key) {
        JsonNode oneOf = operation(key).path("responses").path("200").path("content").path("application/x-ndjson")
                .path("schema").path("oneOf");
        List<String> problems = new ArrayList<>();
        if (!oneOf.isArray() || oneOf.isEmpty()) {
            problems.add(key + " documents no application/x-ndjson lines for 200");
            return problems;
        }
        int number = 0;
        for (String line : body.split("\n")) {
            number++;
            JsonNode value = JSON.readTree(line);
            boolean documented = false;
            for (JsonNode schema : oneOf) {
                documented |= undocumented(value, schema, key).isEmpty();
            }
            if (!documented) {
                problems.add(key + " line " + number + " matches no documented line schema: " + line);
            }
        }
        return problems;
    }

    /** Property paths of {@code body} that the schema does not document (empty when the answer conforms). */
    List<String> undocumented(JsonNode body, JsonNode schema, String at) {
        List<String> problems = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (body.isObject()) {
            JsonNode properties = resolved.path("properties");
            JsonNode values = resolved.path("additionalProperties");
            if ((!properties.isObject() || properties.isEmpty()) && values.isObject() && !values.isEmpty()) {
                // a map: any key, each value as additionalProperties documents it
                for (Map.Entry<String, JsonNode> field : body.properties()) {
                    problems.addAll(undocumented(field.getValue(), values, at + "." + field.getKey()));
                }
                return problems;
            }
            if (!properties.isObject() || properties.isEmpty()) {
                problems.add(at + " (object with no documented properties)");
                return problems;
            }
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                JsonNode fieldSchema = properties.path(field.getKey());
                if (fieldSchema.isMissingNode()) {
                    problems.add(at + "." + field.getKey());
                } else if (!field.getValue().isNull()) {
                    problems.addAll(undocumented(field.getValue(), fieldSchema, at + "." + field.getKey()));
                }
            }
        } else if (body.isArray()) {
            for (JsonNode element : body) {
                problems.addAll(undocumented(element, resolved.path("items"), at + "[]"));
            }
        }
        return problems;
    }
}
