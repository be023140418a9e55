package io.tenantchat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeModulesTests {

    @AfterEach
    void clearProperty() {
        System.clearProperty(NodeModules.DIR_PROPERTY);
    }

    @Test
    void findsTheStandInsWalkingUpFromTheWorkingDirectory() {
        assertThat(NodeModules.locate()).endsWith(Path.of("local-stack", "node_modules"));
        assertThat(NodeModules.dynoxide()).isExecutable();
        assertThat(NodeModules.cognitoLocal()).isRegularFile();
    }

    @Test
    void usesTheLocalStackDirectoryOfTheSystemProperty() {
        Path localStack = Path.of("..", "local-stack").toAbsolutePath().normalize();
        System.setProperty(NodeModules.DIR_PROPERTY, localStack.toString());

        assertThat(NodeModules.locate()).isEqualTo(localStack.resolve("node_modules"));
    }

    @Test
    void failsWithInstallAdviceWhenThePropertyPointsNowhere(@TempDir Path empty) {
        System.setProperty(NodeModules.DIR_PROPERTY, empty.toString());

        assertThatThrownBy(NodeModules::locate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty.resolve("node_modules") + " not found")
                .hasMessageContaining("./mvnw -pl local-stack generate-resources")
                .hasMessageContaining("npm ci");
    }
}
