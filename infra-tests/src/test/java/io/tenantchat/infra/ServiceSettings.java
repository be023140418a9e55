package io.tenantchat.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The environment variables a service's application.yml reads ({@code ${NAME:default}} placeholders in its default
 * profile document) and their defaults. A default that is empty or itself holds a placeholder counts as "none".
 */
record ServiceSettings(String module, Map<String, Optional<String>> defaults) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^${}]*))?");

    static ServiceSettings read(Path repositoryRoot, String module) throws IOException {
        String yaml = Files.readString(repositoryRoot.resolve(module).resolve("src/main/resources/application.yml"));
        String profile = defaultProfile(yaml);
        Map<String, Optional<String>> defaults = new LinkedHashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(profile);
        while (placeholder.find()) {
            boolean plain = placeholder.end() < profile.length() && profile.charAt(placeholder.end()) == '}';
            Optional<String> value = Optional.ofNullable(placeholder.group(2)).filter(v -> plain && !v.isEmpty());
            defaults.merge(placeholder.group(1), value, (first, later) -> first.or(() -> later));
        }
        return new ServiceSettings(module, Map.copyOf(defaults));
    }

    /** The first YAML document (the default profile), without comment lines. */
    private static String defaultProfile(String yaml) {
        String first = yaml.split("(?m)^---\\s*$", 2)[0];
        return first.lines().filter(line -> !line.strip().startsWith("#")).collect(Collectors.joining("\n"));
    }

    Set<String> names() {
        return defaults.keySet();
    }

    /** The default of a setting, if it has a plain (non-empty, non-nested) one. */
    Optional<String> defaultOf(String name) {
        return defaults.getOrDefault(name, Optional.empty());
    }
}
