package io.tenantchat.api.apikey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void generatedKeyParsesBackToTheSameIdAndHash() {
        ApiKeySecret key = ApiKeySecret.generate(RANDOM);

        ApiKeySecret parsed = ApiKeySecret.parse(key.reveal()).orElseThrow();

        assertThat(key.reveal()).startsWith("tck_" + key.keyId().value() + "_");
        assertThat(parsed.keyId()).isEqualTo(key.keyId());
        assertThat(parsed.matches(key.hash())).isTrue();
    }

    @Test
    void secretCarriesAtLeast256RandomBits() {
        ApiKeySecret key = ApiKeySecret.generate(RANDOM);
        String secret = key.reveal().substring(("tck_" + key.keyId().value() + "_").length());

        // 43 base64url characters = 258 bits, of which 256 are the 32 random bytes
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ApiKeySecret.generate(RANDOM).reveal())).isTrue();
        }
    }

    @Test
    void anotherSecretUnderTheSameIdDoesNotMatch() {
        ApiKeySecret key = ApiKeySecret.generate(RANDOM);
        String forged = key.reveal().substring(0, key.reveal().length() - 1)
                + (key.reveal().endsWith("A") ? "B" : "A");

        assertThat(ApiKeySecret.parse(forged).orElseThrow().matches(key.hash())).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void refusesWhatIsNotAKey() {
        ApiKeySecret key = ApiKeySecret.generate(RANDOM);
        for (String bad : new String[] {null, "", "tck_", "tck_abc_def", key.reveal() + "x", key.reveal().substring(1),
                key.reveal().toUpperCase(), key.reveal().replace("tck_", "tcx_"), "tck_" + "g".repeat(20) + "_"
                + "a".repeat(43), key.reveal() + "\n"}) {
            assertThat(ApiKeySecret.parse(bad)).as("%s", bad).isEmpty();
        }
    }

    @Test
    void storesOnlyAHashThatDoesNotContainTheSecret() {
        ApiKeySecret key = ApiKeySecret.generate(RANDOM);
        String secret = key.reveal().substring(25);

        assertThat(key.hash()).matches("[0-9a-f]{64}").doesNotContain(secret);
        assertThat(key.toString()).doesNotContain(secret).contains(key.keyId().value());
    }
}
