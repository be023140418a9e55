package io.tenantchat.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTests {

    @Test
    void findsTheExecutableJarOfAModule(@TempDir Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve("api-service/target"));
        Files.createFile(target.resolve("api-service-0.1.0-SNAPSHOT.jar"));
        Path exec = Files.createFile(target.resolve("api-service-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(ServiceJvm.jar(root, "api-service")).isEqualTo(exec);
    }

    @Test
    void missingJarFailsWithBuildAdvice(@TempDir Path root) {
        assertThatThrownBy(() -> ServiceJvm.jar(root, "worker-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no worker-service-*-exec.jar in " + root.resolve("worker-service/target"))
                .hasMessageContaining("run ./mvnw -DskipTests package first");
    }
}
