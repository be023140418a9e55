package io.tenantchat.infra;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The environment of an ECS task definition's container: the literal maps in {@code locals} that its
 * {@code container_definitions} use, keyed by variable name. Maps named {@code *secret*} are ECS secrets.
 */
record ContainerSettings(String taskDefinition, Map<String, JsonNode> environment, Map<String, JsonNode> secrets) {

    private static final Pattern LOCAL = Pattern.compile("local\\.(\\w+)");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    static ContainerSettings of(TerraformConfig terraform, String taskDefinition) {
        String definitions = Hcl.text(terraform.resource("aws_ecs_task_definition", taskDefinition)
                .path("container_definitions"));
        Map<String, JsonNode> environment = new TreeMap<>();
        Map<String, JsonNode> secrets = new TreeMap<>();
        Matcher local = LOCAL.matcher(definitions);
        while (local.find()) {
            JsonNode map = terraform.locals().get(local.group(1));
            if (isSettingsMap(map)) {
                Map<String, JsonNode> into = local.group(1).contains("secret") ? secrets : environment;
                map.properties().forEach(setting -> into.put(setting.getKey(), setting.getValue()));
            }
        }
        return new ContainerSettings(taskDefinition, environment, secrets);
    }

    private static boolean isSettingsMap(JsonNode map) {
        return map != null && map.isObject() && !map.isEmpty()
                && map.propertyNames().stream().allMatch(name -> VARIABLE_NAME.matcher(name).matches());
    }

    /** Every name the container receives, as plain environment or as a secret. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(environment.keySet());
        names.addAll(secrets.keySet());
        return names;
    }
}
