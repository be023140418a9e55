package io.tenantchat.api.identity;

import static io.tenantchat.api.security.TestTokens.CLIENT_ID;
import static io.tenantchat.api.security.TestTokens.ISSUER;
import static io.tenantchat.api.security.TestTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.tenantchat.api.security.JwksServer;
import io.tenantchat.api.security.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The production decoder against tokens minted with a local RSA key whose JWKS the test serves: every refusal
 * must be a {@link BadJwtException} (the resource server answers those with 401, anything else with 500).
 */
class CognitoJwtDecodersTests {

    RSAKey key = TestTokens.newKey("key-1");
    TestTokens tokens = new TestTokens(key);
    JwksServer jwks;
    JwtDecoder decoder;

    @BeforeEach
    void start() {
        jwks = JwksServer.start(key);
        decoder = decoder(false);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void acceptsAnIdTokenOfAnAcceptedClient() {
        Jwt jwt = decoder.decode(tokens.sign(claims("tenant-001", "alice")));

        assertThat(jwt.getClaimAsString(TestTokens.TENANT_CLAIM)).isEqualTo("tenant-001");
        assertThat(jwt.getSubject()).isEqualTo("alice");
    }

    @Test
    void refusesAnExpiredTokenBeyondTheClockSkew() {
        refused(tokens.sign(claims("tenant-001", "alice").expiresIn(Duration.ofSeconds(-90))));
    }

    @Test
    void toleratesExpiryWithinTheClockSkew() {
        assertThat(decoder.decode(tokens.sign(claims("tenant-001", "alice").expiresIn(Duration.ofSeconds(-30)))))
                .isNotNull();
    }

    @Test
    void refusesATokenNotValidYet() {
        refused(tokens.sign(claims("tenant-001", "alice").notBefore(Duration.ofMinutes(5))));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        refused(tokens.sign(claims("tenant-001", "alice").expiresIn(null)));
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        refused(tokens.sign(claims("tenant-001", "alice").issuer("https://cognito-idp.us-east-1.amazonaws.com/other")));
    }

    @Test
    void refusesATokenForAnotherAppClient() {
        refused(tokens.sign(claims("tenant-001", "alice").audience("another-client")));
    }

    @Test
    void refusesAnAccessTokenUnlessConfigured() {
        refused(tokens.sign(claims("tenant-001", "alice").asAccessToken(CLIENT_ID)));
    }

    @Test
    void acceptsAnAccessTokenOfAnAcceptedClientWhenConfigured() {
        JwtDecoder accessTokens = decoder(true);

        assertThat(accessTokens.decode(tokens.sign(claims("tenant-001", "alice").asAccessToken(CLIENT_ID))))
                .isNotNull();
        assertThatThrownBy(() -> accessTokens.decode(tokens.sign(claims("tenant-001", "alice")
                .asAccessToken("another-client")))).isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesAnAccessTokenWithoutClientIdWhenAccessTokensAreAccepted() {
        JwtDecoder accessTokens = decoder(true);
        String withoutClientId = tokens.sign(claims("tenant-001", "alice").asAccessToken(null));

        assertThatThrownBy(() -> accessTokens.decode(withoutClientId)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesATokenWithoutTokenUse() {
        refused(tokens.sign(claims("tenant-001", "alice").claim("token_use", null)));
    }

    @Test
    void refusesAnUnsignedToken() {
        refused(TestTokens.unsigned(claims("tenant-001", "alice")));
    }

    @Test
    void refusesHs256SignedWithThePublicKey() {
        refused(tokens.hs256WithPublicKey(claims("tenant-001", "alice")));
    }

    @Test
    void refusesATokenSignedByAnUnknownKey() {
        refused(TestTokens.sign(claims("tenant-001", "alice"), TestTokens.newKey("key-unknown")));
    }

    @Test
    void refusesAForgedSignatureUnderAKnownKeyId() {
        refused(TestTokens.sign(claims("tenant-001", "alice"), TestTokens.newKey("key-1")));
    }

    @Test
    void refusesATamperedPayload() {
        String token = tokens.sign(claims("tenant-001", "alice"));

        refused(TestTokens.tampered(token, payload -> payload.replace("tenant-001", "tenant-002")));
    }

    @Test
    void fetchesTheKeySetOnceAndCachesIt() {
        decoder.decode(tokens.sign(claims("tenant-001", "alice")));
        decoder.decode(tokens.sign(claims("tenant-002", "bob")));

        assertThat(jwks.fetches()).isEqualTo(1);
    }

    @Test
    void acceptsARotatedKeyAfterOneRefetchWithoutRestart() {
        decoder.decode(tokens.sign(claims("tenant-001", "alice")));
        RSAKey rotated = TestTokens.newKey("key-2");
        jwks.serve(key, rotated);

        Jwt jwt = decoder.decode(TestTokens.sign(claims("tenant-001", "alice"), rotated));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void forgedKeyIdsCannotForceARefetchOnEveryRequest() {
        decoder.decode(tokens.sign(claims("tenant-001", "alice")));

        for (int i = 0; i < 10; i++) {
            refused(TestTokens.sign(claims("tenant-001", "alice"), TestTokens.newKey("forged-" + i)));
        }

        assertThat(jwks.fetches()).isLessThanOrEqualTo(2);
    }

    private void refused(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }

    private JwtDecoder decoder(boolean acceptAccessTokens) {
        return CognitoJwtDecoders.decoder(JwksPolicy.defaults(URI.create(jwks.uri())),
                new TokenPolicy(ISSUER, Set.of(CLIENT_ID), acceptAccessTokens, Duration.ofSeconds(60)));
    }
}
