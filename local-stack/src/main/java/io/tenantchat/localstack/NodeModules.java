package io.tenantchat.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code local-stack/node_modules}, where {@code npm ci} installed dynoxide and cognito-local.
 *
 * <p>Uses the system property {@value #DIR_PROPERTY} (the {@code local-stack} directory) when set, otherwise walks up
 * from the current directory: tests run in their module directory, {@code run-local} at the repository root.
 */
public final class NodeModules {

    public static final String DIR_PROPERTY = "tenantchat.local-stack.dir";

    private NodeModules() {}

    /** The {@code node_modules} directory of the local-stack module. */
    public static Path locate() {
        return fromProperty().or(NodeModules::fromWorkingDirectory).orElseThrow(() -> missing("local-stack/node_modules"));
    }

    /** The dynoxide binary (DynamoDB stand-in). */
    public static Path dynoxide() {
        return requireFile(locate().resolve("@dynoxide/linux-x64/dynoxide"));
    }

    /** The cognito-local start script (Cognito user pools stand-in), run with {@code node}. */
    public static Path cognitoLocal() {
        return requireFile(locate().resolve("cognito-local/lib/bin/start.js"));
    }

    private static Optional<Path> fromProperty() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            return Optional.empty();
        }
        Path nodeModules = Path.of(dir).toAbsolutePath().resolve("node_modules");
        if (!Files.isDirectory(nodeModules)) {
            throw missing(nodeModules.toString());
        }
        return Optional.of(nodeModules);
    }

    private static Optional<Path> fromWorkingDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("local-stack/node_modules"))) {
                return Optional.of(dir.resolve("local-stack/node_modules"));
            }
            if (dir.endsWith("local-stack") && Files.isDirectory(dir.resolve("node_modules"))) {
                return Optional.of(dir.resolve("node_modules"));
            }
        }
        return Optional.empty();
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw missing(file.toString());
        }
        return file;
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException(what + " not found (searched -D" + DIR_PROPERTY + " and upwards from "
                + Path.of("").toAbsolutePath() + "). Install the npm stand-ins with "
                + "'./mvnw -pl local-stack generate-resources' or 'cd local-stack && npm ci'.");
    }
}
