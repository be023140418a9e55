package io.tenantchat.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileTests {

    private static final StackFile STACK = new StackFile("http://localhost:8000", "http://127.0.0.1:1",
            "http://127.0.0.1:2", "http://localhost:9229", "http://127.0.0.1:3", "http://127.0.0.1:4",
            "local_pool", "client", "http://localhost:9229/local_pool",
            "http://localhost:9229/local_pool/.well-known/jwks.json");

    @Test
    void writesSnakeCaseJsonThatReadsBack(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve(".local"));

        STACK.write(root);

        assertThat(Files.readString(root.resolve(".local/stack.json")))
                .contains("\"pool_id\"", "\"client_id\"", "\"issuer\"", "\"jwk_set_uri\"", "\"dynamodb_endpoint\"");
        assertThat(StackFile.read(root)).isEqualTo(STACK);
    }

    @Test
    void saysTheLocalStackIsNotRunningWithoutAFile(@TempDir Path root) {
        assertThatThrownBy(() -> StackFile.read(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the local stack is not running")
                .hasMessageContaining("./run-local.sh");
    }
}
