package io.tenantchat.localstack.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.cognito.CognitoLocalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CognitoProvisioningIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CognitoLocalServer server;
    private static CognitoIdentityProviderClient cognito;
    private static UserPool pool;

    @BeforeAll
    static void startCognitoLocal() {
        server = SharedStandIns.cognitoLocal();
        cognito = AwsClients.cognito(server.endpoint());
        pool = UserPoolSetup.ensureUserPool(cognito, "tenantchat-test");
    }

    @AfterAll
    static void stopCognitoLocal() {
        cognito.close();
    }

    @Test
    void ensuresTheSamePoolClientAndGroupsTwice() {
        UserPool again = UserPoolSetup.ensureUserPool(cognito, "tenantchat-test");

        assertThat(again).isEqualTo(pool);
        assertThat(cognito.listUserPools(request -> request.maxResults(60)).userPools())
                .filteredOn(described -> described.name().equals("tenantchat-test")).hasSize(1);
        assertThat(cognito.listGroups(request -> request.userPoolId(pool.poolId())).groups())
                .extracting(GroupType::groupName).containsExactlyInAnyOrder("tenant-admin", "platform-operator");
    }

    @Test
    void idTokenCarriesTenantAudienceAndIssuer() {
        TestUser user = TestUsers.createOrSignIn(cognito, pool, "tenant-a", "alice@tenant-a.example", TestUsers.DEV_PASSWORD);

        JsonNode claims = payload(user.idToken());
        assertThat(claims.path("custom:tenant_id").asString()).isEqualTo("tenant-a");
        assertThat(claims.path("token_use").asString()).isEqualTo("id");
        assertThat(claims.path("aud").asString()).isEqualTo(pool.clientId());
        assertThat(claims.path("iss").asString()).isEqualTo(server.endpoint() + "/" + pool.poolId());
        assertThat(claims.path("sub").asString()).isEqualTo(user.userId());
        assertThat(claims.path("email").asString()).isEqualTo("alice@tenant-a.example");
    }

    @Test
    void accessTokenIsSignedForTheSameIssuer() {
        TestUser user = TestUsers.createOrSignIn(cognito, pool, "tenant-a", "ann@tenant-a.example", TestUsers.DEV_PASSWORD);

        JsonNode claims = payload(user.accessToken());
        assertThat(claims.path("token_use").asString()).isEqualTo("access");
        assertThat(claims.path("client_id").asString()).isEqualTo(pool.clientId());
        assertThat(claims.path("iss").asString()).isEqualTo(server.endpoint() + "/" + pool.poolId());
    }

    @Test
    void signsInAnExistingUserAgainAsTheSameUser() {
        TestUser first = TestUsers.createOrSignIn(cognito, pool, "tenant-b", "bob@tenant-b.example", "First-passw0rd");
        TestUser again = TestUsers.createOrSignIn(cognito, pool, "tenant-b", "bob@tenant-b.example", "Other-passw0rd");

        assertThat(again.userId()).isEqualTo(first.userId());
        assertThat(again.tenantId()).isEqualTo("tenant-b");
        assertThat(again.idToken()).isNotBlank();
    }

    @Test
    void refusesAnExistingUserOfAnotherTenant() {
        TestUsers.createOrSignIn(cognito, pool, "tenant-c", "carol@tenant-c.example", TestUsers.DEV_PASSWORD);

        assertThatThrownBy(() -> TestUsers.createOrSignIn(cognito, pool, "tenant-d", "carol@tenant-c.example",
                TestUsers.DEV_PASSWORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carol@tenant-c.example already exists in tenant 'tenant-c'");
    }

    @Test
    void jwksAnswersWithAnRsaSigningKey() throws IOException, InterruptedException {
        URI jwks = URI.create(server.endpoint() + "/" + pool.poolId() + "/.well-known/jwks.json");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(jwks).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode key = JSON.readTree(response.body()).path("keys").path(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("kid").asString()).isEqualTo(header(TestUsers.createOrSignIn(cognito, pool, "tenant-a",
                "alice@tenant-a.example", TestUsers.DEV_PASSWORD).idToken()).path("kid").asString());
    }

    private static JsonNode payload(String jwt) {
        return decode(jwt.split("\\.")[1]);
    }

    private static JsonNode header(String jwt) {
        return decode(jwt.split("\\.")[0]);
    }

    private static JsonNode decode(String base64Url) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8));
    }
}
