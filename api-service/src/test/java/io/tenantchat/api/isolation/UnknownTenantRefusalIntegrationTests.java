package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code UNKNOWN_TENANTS=refuse}: a valid token of an unregistered tenant is refused with 403 {@code unknown_tenant}
 * on every tenant operation of the OpenAPI document (all of {@link OperationCases} but the platform operator's) and
 * on {@code /ws}; the same calls by a registered tenant are not refused, so the refusal is the tenant's.
 */
class UnknownTenantRefusalIntegrationTests extends GuardedApi {

    private final Actor stranger = World.actor(TOKENS, "tenant-unregistered-x", "stranger", "tenant-admin");
    private final Ids strangerIds = new Ids(stranger.tenantId(), stranger.userId(), SessionId.random().value(),
            MessageId.next(Clock.systemUTC()).value());

    @TestFactory
    Stream<DynamicTest> everyTenantOperationRefusesAnUnregisteredTenant() {
        return OperationCases.ALL.stream().filter(op -> !op.scope().operatorOnly())
                .map(op -> DynamicTest.dynamicTest(op.key(), () -> {
                    HttpResponse<String> response = send(op.request(this::uri, strangerIds, stranger.token()));

                    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
                    // /v1 refuses in OpenAI's error shape ({"error": {..., "code"}}), the rest as problem JSON
                    String type = op.pathTemplate().startsWith("/v1/") ? "application/json" : "application/problem+json";
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                            contentType -> assertThat(contentType).startsWith(type));
                    assertThat(response.body()).contains("\"code\":\"unknown_tenant\"");
                }));
    }

    @Test
    void registeredTenantIsServedOnTheSameEndpoints() {
        String tenant = registeredTenant("basic", null);
        Actor member = World.actor(TOKENS, tenant, "member", "tenant-admin");

        assertThat(get("/api/sessions", member).statusCode()).isEqualTo(200);
        assertThat(get("/api/tenants/" + tenant + "/usage", member).statusCode()).isEqualTo(200);
        assertThat(get("/api/tenants/" + tenant + "/sessions", member).statusCode()).isEqualTo(200);
        assertThat(get("/api/tenants/" + tenant + "/subscription", member).statusCode()).isEqualTo(200);
    }

    /** Read off the wire: the JDK client waits out its timeout on a 403 handshake answer instead of reporting it. */
    @Test
    void unregisteredTenantIsRefusedAtTheWebSocketHandshake() throws IOException {
        assertThat(handshakeStatusLine(stranger.token())).startsWith("HTTP/1.1 403");
        assertThat(handshakeStatusLine(World.actor(TOKENS, registeredTenant("basic", null), "member").token()))
                .startsWith("HTTP/1.1 101");
    }

    @Test
    void unregisteredTenantsAuthFrameGetsAnErrorFrameAndTheSocketIsClosed() {
        try (IsolationSocket socket = IsolationSocket.open(wsUri(), null).join()) {
            socket.auth(stranger.token());
            socket.awaitClosed();

            assertThat(socket.types()).containsExactly("error");
            assertThat(socket.frames().get(0).path("code").asString()).isEqualTo("unknown_tenant");
        }
    }

    @Test
    void registeredTenantsSocketIsReady() {
        Actor member = World.actor(TOKENS, registeredTenant("basic", null), "member");

        try (IsolationSocket byProtocol = IsolationSocket.open(wsUri(), member.token()).join();
                IsolationSocket byFrame = socket(member)) {
            assertThat(byProtocol.awaitType("ready").path("tenant_id").asString()).isEqualTo(member.tenantId());
            assertThat(byFrame.types()).contains("ready");
        }
    }

    private String handshakeStatusLine(String token) throws IOException {
        try (Socket raw = new Socket("127.0.0.1", port)) {
            raw.setSoTimeout(10_000);
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: bearer, " + token + "\r\n\r\n";
            raw.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
