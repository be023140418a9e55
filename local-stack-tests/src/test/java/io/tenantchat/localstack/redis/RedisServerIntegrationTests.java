package io.tenantchat.localstack.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Needs Debian's redis-server (apt-get install -y redis-server); fails loudly without it. */
class RedisServerIntegrationTests {

    @Test
    void answersPingOnLoopbackAndStopsOnClose() throws IOException {
        int port;
        try (RedisServer redis = RedisServer.start()) {
            port = redis.port();
            assertThat(command(redis, "PING")).isEqualTo("+PONG");
            assertThat(command(redis, "CONFIG GET save")).isEqualTo("*2");
            assertThat(redis.uri().toString()).isEqualTo("redis://127.0.0.1:" + port);
        }

        assertThat(Ports.answers(port)).isFalse();
    }

    private static String command(RedisServer redis, String command) throws IOException {
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
