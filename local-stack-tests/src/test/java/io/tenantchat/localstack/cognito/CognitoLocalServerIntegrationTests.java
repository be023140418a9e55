package io.tenantchat.localstack.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.Ports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

class CognitoLocalServerIntegrationTests {

    @Test
    void keepsItsDataInTheDataDirectoryAndStopsOnClose(@TempDir Path dataDir) {
        CognitoLocalServer server = CognitoLocalServer.start(dataDir, 0);
        try (CognitoIdentityProviderClient cognito = AwsClients.cognito(server.endpoint())) {
            cognito.createUserPool(request -> request.poolName("probe"));
        } finally {
            server.close();
        }

        assertThat(server.endpoint().toString()).matches("http://localhost:\\d+");
        assertThat(dataDir.resolve(".cognito/db")).isDirectoryContaining("glob:**.json");
        await().until(() -> !Ports.answers(server.endpoint().getPort()));
    }

    @Test
    void secondServerOnAPortInUseFailsLoudly(@TempDir Path dataDir) {
        try (CognitoLocalServer first = CognitoLocalServer.start(dataDir.resolve("first"), 0)) {
            int port = first.endpoint().getPort();

            assertThatThrownBy(() -> CognitoLocalServer.start(dataDir.resolve("second"), port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " is already in use");
        }
    }
}
