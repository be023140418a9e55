package io.tenantchat.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTests {

    @Test
    void keepsDataAndLogsInTheGivenDirectory(@TempDir Path dir) throws IOException {
        try (DataDirectory data = DataDirectory.of(new LocalSystem.Options(dir, false, dir))) {
            assertThat(data.dynamoDbFile()).isEqualTo(dir.resolve("dynamodb.sqlite"));
            assertThat(data.cognitoDir()).isEqualTo(dir.resolve("cognito"));
            assertThat(data.logDir()).isEqualTo(dir.resolve("logs")).isDirectory();
        }
    }

    @Test
    void refusesADirectoryAnotherLocalStackUses(@TempDir Path dir) throws IOException {
        DataDirectory first = DataDirectory.of(new LocalSystem.Options(dir, false, dir));

        assertThatThrownBy(() -> DataDirectory.of(new LocalSystem.Options(dir, false, dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another local stack is running on " + dir);
        first.close();
        DataDirectory.of(new LocalSystem.Options(dir, false, dir)).close();
    }

    @Test
    void deletesATemporaryDirectoryOnCloseAndKeepsDynamoDbInMemory(@TempDir Path logs) throws IOException {
        DataDirectory data = DataDirectory.of(new LocalSystem.Options(null, false, logs, logs));
        Path temporary = data.dataDir();

        assertThat(data.dynamoDbFile()).isNull();
        assertThat(data.logDir()).isEqualTo(logs);
        data.close();
        assertThat(temporary).doesNotExist();
    }
}
