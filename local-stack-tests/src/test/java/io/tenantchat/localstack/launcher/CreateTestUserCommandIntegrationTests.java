package io.tenantchat.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.Ports;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.cognito.CognitoLocalServer;
import io.tenantchat.localstack.provision.UserPool;
import io.tenantchat.localstack.provision.UserPoolSetup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import tools.jackson.databind.JsonNode;

class CreateTestUserCommandIntegrationTests {

    @Test
    void printsOneJsonObjectWithTheUsersTokensForTheLocalStack(@TempDir Path root) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CognitoLocalServer cognito = SharedStandIns.cognitoLocal();
        Files.createDirectories(root.resolve(".local"));
        try (CognitoIdentityProviderClient client = AwsClients.cognito(cognito.endpoint())) {
            UserPool pool = UserPoolSetup.ensureUserPool(client, LocalSystem.POOL_NAME);
            stackFile(cognito.endpoint().toString(), pool).write(root);

            CreateTestUserCommand.run(CreateTestUserArgs.parse("--tenant", "tenant-042", "--email", "eve@t42.example"),
                    Map.of(), root, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        }

        String printed = stdout.toString(StandardCharsets.UTF_8);
        JsonNode user = Json.MAPPER.readTree(printed);
        assertThat(printed.strip().lines()).hasSize(1);
        assertThat(user.propertyNames())
                .containsExactlyInAnyOrder("tenant_id", "user_id", "email", "id_token", "access_token");
        assertThat(user.path("tenant_id").asString()).isEqualTo("tenant-042");
        assertThat(user.path("email").asString()).isEqualTo("eve@t42.example");
        assertThat(user.path("id_token").asString()).startsWith("eyJ");
    }

    @Test
    void putsTheUserInTheGivenGroupSoItsIdTokenListsIt(@TempDir Path root) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CognitoLocalServer cognito = SharedStandIns.cognitoLocal();
        Files.createDirectories(root.resolve(".local"));
        try (CognitoIdentityProviderClient client = AwsClients.cognito(cognito.endpoint())) {
            UserPool pool = UserPoolSetup.ensureUserPool(client, LocalSystem.POOL_NAME);
            stackFile(cognito.endpoint().toString(), pool).write(root);

            CreateTestUserCommand.run(CreateTestUserArgs.parse("--tenant", "tenant-043", "--email", "ada@t43.example",
                    "--group", "tenant-admin"), Map.of(), root, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        }

        String idToken = Json.MAPPER.readTree(stdout.toString(StandardCharsets.UTF_8)).path("id_token").asString();
        String claims = new String(java.util.Base64.getUrlDecoder().decode(idToken.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(Json.MAPPER.readTree(claims).path("cognito:groups").toString()).contains("tenant-admin");
    }

    @Test
    void saysTheLocalStackIsNotRunningWhenCognitoDoesNotAnswer(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve(".local"));
        stackFile("http://localhost:" + Ports.free(), new UserPool("local_gone", "client")).write(root);

        assertThatThrownBy(() -> CreateTestUserCommand.run(
                        CreateTestUserArgs.parse("--tenant", "t1", "--email", "a@t1.example"), Map.of(), root, System.out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the local stack is not running (no answer from cognito-local");
    }

    private static StackFile stackFile(String cognitoEndpoint, UserPool pool) {
        return new StackFile("http://localhost:8000", "", "", cognitoEndpoint, "", "", pool.poolId(), pool.clientId(),
                cognitoEndpoint + "/" + pool.poolId(), cognitoEndpoint + "/" + pool.poolId() + "/.well-known/jwks.json");
    }
}
