package io.tenantchat.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Mints Cognito-shaped tokens with a local RSA key: valid ID tokens by default, and every kind of bad token the
 * API must refuse. {@link Claims} is a builder with sensible defaults.
 */
public final class TestTokens {

    public static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool";
    public static final String CLIENT_ID = "tenantchat-test-client";
    public static final String TENANT_CLAIM = "custom:tenant_id";

    private final RSAKey signingKey;

    public TestTokens(RSAKey signingKey) {
        this.signingKey = signingKey;
    }

    public static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    public static Claims claims(String tenant, String userId) {
        return new Claims(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject(userId)
                .claim("token_use", "id")
                .claim(TENANT_CLAIM, tenant)
                .claim("cognito:groups", List.of())
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30)))));
    }

    public String sign(Claims claims) {
        return sign(claims, signingKey);
    }

    public static String sign(Claims claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(Claims claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    /** The algorithm-confusion attack: HS256 with the RSA public key (as published in X.509 DER) as the secret. */
    public String hs256WithPublicKey(Claims claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID()).build(),
                    claims.build());
            jwt.sign(new MACSigner(signingKey.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A validly signed token whose payload was then edited (signature kept). */
    public static String tampered(String token, UnaryOperator<String> payloadEdit) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payloadEdit.apply(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + edited + "." + parts[2];
    }

    /** Token claims with defaults; every method returns the builder. */
    public static final class Claims {

        private final JWTClaimsSet.Builder builder;

        Claims(JWTClaimsSet.Builder builder) {
            this.builder = builder;
        }

        public Claims issuer(String issuer) {
            builder.issuer(issuer);
            return this;
        }

        public Claims audience(String audience) {
            builder.audience(audience);
            return this;
        }

        public Claims claim(String name, Object value) {
            builder.claim(name, value);
            return this;
        }

        public Claims groups(String... groups) {
            builder.claim("cognito:groups", List.of(groups));
            return this;
        }

        /** Expiry relative to now (null: no {@code exp}); issued an hour before it, as Cognito would. */
        public Claims expiresIn(Duration fromNow) {
            if (fromNow == null) {
                builder.expirationTime(null);
                return this;
            }
            Instant expiry = Instant.now().plus(fromNow);
            builder.expirationTime(Date.from(expiry)).issueTime(Date.from(expiry.minus(Duration.ofHours(1))));
            return this;
        }

        public Claims notBefore(Duration fromNow) {
            builder.notBeforeTime(Date.from(Instant.now().plus(fromNow)));
            return this;
        }

        /** An access token: {@code token_use=access}, {@code client_id} instead of {@code aud}. */
        public Claims asAccessToken(String clientId) {
            builder.audience((String) null).claim("token_use", "access").claim("client_id", clientId);
            return this;
        }

        JWTClaimsSet build() {
            return builder.build();
        }
    }
}
