package io.tenantchat.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSystemStartupIntegrationTests {

    @Test
    void failsWithBuildAdviceBeforeStartingAnythingWithoutServiceJars(@TempDir Path dataDir, @TempDir Path emptyRepo) {
        assertThatThrownBy(() -> LocalSystem.start(new LocalSystem.Options(dataDir, false, emptyRepo)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no api-service-*-exec.jar")
                .hasMessageContaining("run ./mvnw -DskipTests package first");

        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void failsWithTheServiceLogWhenAServiceDiesAndStopsItsStandIns(@TempDir Path dataDir, @TempDir Path repo)
            throws IOException {
        for (String module : LocalSystem.MODULES) {
            Files.createFile(Files.createDirectories(repo.resolve(module + "/target")).resolve(module + "-1-exec.jar"));
        }

        assertThatThrownBy(() -> LocalSystem.start(new LocalSystem.Options(dataDir, false, repo)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api-service exited with code 1")
                .hasMessageContaining("Invalid or corrupt jarfile")
                .hasMessageContaining("full log: " + dataDir.resolve("logs/api-service.log"));

        assertThat(dataDir.resolve("dynamodb.sqlite")).exists();
        assertThat(dataDir.resolve("logs/api-service.log")).content().contains("Invalid or corrupt jarfile");
        await().until(() -> ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive));
    }
}
