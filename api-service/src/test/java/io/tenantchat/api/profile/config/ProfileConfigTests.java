package io.tenantchat.api.profile.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileConfigTests {

    @Test
    void aProfileMayAskForAtMostTheOutputTokensAdmissionReserves() {
        assertThat(ProfileConfig.outputCeiling(new ModelsProperties(List.of(), "bedrock", 1024), 1024)).isEqualTo(1024);
        assertThat(ProfileConfig.outputCeiling(new ModelsProperties(List.of(), "bedrock", 512), 1024)).isEqualTo(512);
    }

    @Test
    void refusesToStartWhenAProfileCouldSpendMoreThanAdmissionReserves() {
        assertThatThrownBy(() -> ProfileConfig.outputCeiling(new ModelsProperties(List.of(), "bedrock", 4096), 1024))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROFILE_MAX_OUTPUT_TOKENS=4096").hasMessageContaining("BEDROCK_MAX_TOKENS=1024");
    }
}
