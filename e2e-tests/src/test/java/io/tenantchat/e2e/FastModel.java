package io.tenantchat.e2e;

import io.tenantchat.localstack.bedrock.BedrockStandIn;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test of a class that registers it (after its {@link SharedSystem}) gets a fast model stand-in (5 ms to the
 * first token, 5,000 tokens a second) and leaves the stand-in at its defaults for the next class.
 */
final class FastModel implements BeforeEachCallback, AfterEachCallback {

    private final SharedSystem system;

    FastModel(SharedSystem system) {
        this.system = system;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        system.get().bedrock().settings(BedrockStandIn.Settings.defaults().withTimeToFirstToken(Duration.ofMillis(5))
                .withTokensPerSecond(5_000));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        system.get().bedrock().settings(BedrockStandIn.Settings.defaults());
    }
}
