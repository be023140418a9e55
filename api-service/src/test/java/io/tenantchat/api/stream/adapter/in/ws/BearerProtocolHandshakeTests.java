package io.tenantchat.api.stream.adapter.in.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerProtocolHandshakeTests {

    @Test
    void tokenFollowsTheBearerProtocol() {
        assertThat(BearerProtocolHandshake.bearerToken(List.of("bearer, eyJ.abc.def"))).hasValue("eyJ.abc.def");
        assertThat(BearerProtocolHandshake.bearerToken(List.of("bearer", "eyJ.abc.def"))).hasValue("eyJ.abc.def");
    }

    @Test
    void noBearerProtocolMeansFirstFrameAuthentication() {
        assertThat(BearerProtocolHandshake.bearerToken(List.of())).isEmpty();
        assertThat(BearerProtocolHandshake.bearerToken(List.of("chat.v1"))).isEmpty();
        assertThat(BearerProtocolHandshake.bearerToken(List.of("bearer"))).isEmpty();
    }
}
