package io.tenantchat.worker.reply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A {@code /v1} client's model options and max_tokens applied within the tenant profile's settings. */
class ModelSettingsTests {

    static final Guardrail GUARDRAIL = new Guardrail("gr0abc12", "2");
    static final ModelSettings PROFILE = new ModelSettings(300, "profile-model", 0.3f, GUARDRAIL,
            Set.of(ModelSettings.MODEL, ModelSettings.GUARDRAIL));

    @Test
    void clientsModelAndTemperatureReplaceTheProfilesAndItsGuardrailStays() {
        ModelSettings settings = PROFILE.withClient(new ModelOptions("client-model", 0.75), null);

        assertThat(settings)
                .isEqualTo(new ModelSettings(300, "client-model", 0.75f, GUARDRAIL, PROFILE.profileFields()));
    }

    @Test
    void clientsMaxTokensLowersTheBoundButNeverRaisesIt() {
        assertThat(PROFILE.withClient(ModelOptions.DEFAULTS, 40).maxTokens()).isEqualTo(40);
        assertThat(PROFILE.withClient(ModelOptions.DEFAULTS, 100_000).maxTokens()).isEqualTo(300);
    }

    @Test
    void withoutClientChoicesTheSettingsStayAsTheyAre() {
        assertThat(PROFILE.withClient(ModelOptions.DEFAULTS, null)).isEqualTo(PROFILE);
        assertThat(ModelSettings.of(512).withClient(ModelOptions.DEFAULTS, null)).isEqualTo(ModelSettings.of(512));
    }
}
