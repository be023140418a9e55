package io.tenantchat.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

/** Every {@code .tf} file of a Terraform directory, merged: resources, data sources, variables, locals, outputs. */
final class TerraformConfig {

    private static final Pattern SIMPLE_REFERENCE =
            Pattern.compile("^\\$\\{(?:tostring\\()?([A-Za-z_][\\w.]*)\\)?}$");

    private final Map<String, Map<String, JsonNode>> resources = new LinkedHashMap<>();
    private final Map<String, Map<String, JsonNode>> dataSources = new LinkedHashMap<>();
    private final Map<String, JsonNode> variables = new LinkedHashMap<>();
    private final Map<String, JsonNode> outputs = new LinkedHashMap<>();
    private final Map<String, JsonNode> locals = new LinkedHashMap<>();
    private final List<String> files;

    private TerraformConfig(JsonNode converted) {
        this.files = List.copyOf(converted.propertyNames());
        converted.values().forEach(this::add);
    }

    static TerraformConfig load(Path terraformDir, Path infraTestsDir) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(terraformDir)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".tf")).sorted().toList();
        }
        return new TerraformConfig(new Hcl2Json(infraTestsDir).convert(files));
    }

    private void add(JsonNode file) {
        file.path("resource").properties().forEach(type -> addBlocks(resources, type.getKey(), type.getValue()));
        file.path("data").properties().forEach(type -> addBlocks(dataSources, type.getKey(), type.getValue()));
        file.path("variable").properties().forEach(v -> variables.put(v.getKey(), v.getValue().path(0)));
        file.path("output").properties().forEach(o -> outputs.put(o.getKey(), o.getValue().path(0)));
        file.path("locals").valueStream().flatMap(block -> block.properties().stream())
                .forEach(local -> locals.put(local.getKey(), local.getValue()));
    }

    private static void addBlocks(Map<String, Map<String, JsonNode>> into, String type, JsonNode byName) {
        Map<String, JsonNode> ofType = into.computeIfAbsent(type, t -> new LinkedHashMap<>());
        byName.properties().forEach(named -> ofType.put(named.getKey(), named.getValue().path(0)));
    }

    List<String> files() {
        return files;
    }

    /** Resources of one type by name ({@code aws_dynamodb_table} → {@code sessions} → its arguments). */
    Map<String, JsonNode> resources(String type) {
        return resources.getOrDefault(type, Map.of());
    }

    JsonNode resource(String type, String name) {
        JsonNode resource = resources(type).get(name);
        if (resource == null) {
            throw new AssertionError("infra/terraform has no resource " + type + "." + name);
        }
        return resource;
    }

    Map<String, JsonNode> dataSources(String type) {
        return dataSources.getOrDefault(type, Map.of());
    }

    Map<String, JsonNode> variables() {
        return variables;
    }

    Map<String, JsonNode> locals() {
        return locals;
    }

    Map<String, JsonNode> outputs() {
        return outputs;
    }

    /**
     * The value an expression has with the variables' defaults, when it is a literal or a plain reference to a
     * variable, a local or a resource argument ({@code ${aws_dynamodb_table.sessions.name}}); empty otherwise.
     */
    Optional<String> resolve(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainer()) {
            return Optional.empty();
        }
        String text = Hcl.text(value);
        if (!text.contains("${")) {
            return Optional.of(text);
        }
        Matcher reference = SIMPLE_REFERENCE.matcher(text);
        return reference.matches() ? resolveReference(reference.group(1).split("\\.")) : Optional.empty();
    }

    /** {@link #resolve} of a bare reference such as {@code local.max_receive_count}, or a literal number. */
    Optional<String> resolveAddress(String address) {
        return address.matches("-?\\d+(\\.\\d+)?") ? Optional.of(address)
                : resolve(StringNode.valueOf("${" + address + "}"));
    }

    private Optional<String> resolveReference(String[] path) {
        JsonNode target = switch (path[0]) {
            case "var" -> variables.getOrDefault(path[1], missing()).path("default");
            case "local" -> locals.getOrDefault(path[1], missing());
            default -> path.length == 3 ? resources(path[0]).getOrDefault(path[1], missing()).path(path[2]) : missing();
        };
        int rest = path[0].equals("var") || path[0].equals("local") ? 2 : path.length;
        for (int i = rest; i < path.length; i++) {
            target = target.path(path[i]);
        }
        return resolve(target);
    }

    private static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
