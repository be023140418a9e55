package io.tenantchat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON log lines a service wrote to {@code <logDir>/<service>.log}; lines that are not JSON are skipped. */
final class ServiceLogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceLogs() {
    }

    static String text(Path logDir, String service) {
        try {
            return Files.readString(logDir.resolve(service + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every JSON line of the service whose member {@code field} equals {@code value}. */
    static List<JsonNode> linesWith(Path logDir, String service, String field, String value) {
        return text(logDir, service).lines().filter(line -> line.startsWith("{")).map(ServiceLogs::parse)
                .filter(node -> node != null && value.equals(node.path(field).asString(null))).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
    }
}
