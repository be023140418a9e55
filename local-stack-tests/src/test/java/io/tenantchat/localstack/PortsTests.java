package io.tenantchat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTests {

    @Test
    void findsAFreePort() {
        int port = Ports.free();

        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.answers(port)).isFalse();
    }

    @Test
    void refusesAPortSomethingListensOn() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(Ports.answers(port)).isTrue();
            assertThatThrownBy(() -> Ports.requireFree(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " is already in use");
        }
    }
}
