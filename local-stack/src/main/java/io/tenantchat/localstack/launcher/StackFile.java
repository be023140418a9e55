package io.tenantchat.localstack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code .local/stack.json}: where the running local stack listens, for the CLI and for people. */
record StackFile(String apiUrl, String sqsEndpoint, String dynamodbEndpoint, String cognitoEndpoint,
        String bedrockEndpoint, String eventbridgeEndpoint, String poolId, String clientId, String issuer,
        String jwkSetUri) {

    static final Path LOCATION = Path.of(".local", "stack.json");

    static StackFile of(LocalSystem system) {
        return new StackFile(system.apiBaseUrl().toString(), system.sqsEndpoint().toString(),
                system.dynamoDbEndpoint().toString(), system.cognitoEndpoint().toString(),
                system.bedrockEndpoint().toString(), system.eventBridgeEndpoint().toString(),
                system.userPool().poolId(), system.userPool().clientId(), system.issuer(),
                system.jwkSetUri().toString());
    }

    /** Reads {@code <repoRoot>/.local/stack.json}, failing clearly when no local stack wrote one. */
    static StackFile read(Path repoRoot) {
        Path file = repoRoot.resolve(LOCATION);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the local stack is not running (" + file + " is missing): start it with"
                    + " ./run-local.sh, or set COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID to use a pool on AWS");
        }
        return Json.MAPPER.readValue(file.toFile(), StackFile.class);
    }

    void write(Path repoRoot) {
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(repoRoot.resolve(LOCATION).toFile(), this);
    }
}
