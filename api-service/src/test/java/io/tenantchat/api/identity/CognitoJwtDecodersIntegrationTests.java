package io.tenantchat.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.cognito.CognitoLocalServer;
import io.tenantchat.localstack.provision.TestUser;
import io.tenantchat.localstack.provision.TestUsers;
import io.tenantchat.localstack.provision.UserPool;
import io.tenantchat.localstack.provision.UserPoolSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The production decoder against real tokens from the cognito-local stand-in. */
class CognitoJwtDecodersIntegrationTests {

    @TempDir
    static Path dataDir;

    static CognitoLocalServer cognito;
    static UserPool pool;
    static TestUser alice;
    static String issuer;
    static String jwks;

    @BeforeAll
    static void startPool() {
        cognito = CognitoLocalServer.start(dataDir, 0);
        CognitoIdentityProviderClient client = AwsClients.cognito(cognito.endpoint());
        pool = UserPoolSetup.ensureUserPool(client, "decoder-tests");
        alice = TestUsers.createOrSignIn(client, pool, "tenant-001", "alice@tenant-001.example", "Passw0rd!Passw0rd");
        issuer = cognito.endpoint() + "/" + pool.poolId();
        jwks = issuer + "/.well-known/jwks.json";
    }

    @AfterAll
    static void stop() {
        cognito.close();
    }

    @Test
    void acceptsAnIdTokenOfTheConfiguredClientAndReadsTheTenantClaim() {
        Jwt jwt = decoder(issuer, pool.clientId()).decode(alice.idToken());

        assertThat(jwt.getClaimAsString("custom:tenant_id")).isEqualTo("tenant-001");
        assertThat(jwt.getSubject()).isEqualTo(alice.userId());
    }

    @Test
    void refusesAnAccessToken() {
        assertThatThrownBy(() -> decoder(issuer, pool.clientId()).decode(alice.accessToken()))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenForAnotherAppClient() {
        assertThatThrownBy(() -> decoder(issuer, "some-other-client").decode(alice.idToken()))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        assertThatThrownBy(() -> decoder("https://cognito-idp.us-east-1.amazonaws.com/other", pool.clientId())
                .decode(alice.idToken())).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = alice.idToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("tenant-001", "tenant-002");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> decoder(issuer, pool.clientId()).decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesAnUnsignedToken() {
        String[] parts = alice.idToken().split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> decoder(issuer, pool.clientId()).decode(header + "." + parts[1] + "."))
                .isInstanceOf(JwtException.class);
    }

    private static JwtDecoder decoder(String expectedIssuer, String clientId) {
        return CognitoJwtDecoders.idTokenDecoder(jwks, expectedIssuer, List.of(clientId));
    }
}
