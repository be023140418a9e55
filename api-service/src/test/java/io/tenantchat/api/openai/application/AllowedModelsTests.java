package io.tenantchat.api.openai.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedModelsTests {

    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void everyTenantMayUseTheAllowlistDefaultFirst() {
        AllowedModels models = new AllowedModels(List.of("model-a", "model-b"), tenant -> Optional.empty());

        assertThat(models.allowedFor(ACME)).containsExactly("model-a", "model-b");
    }

    @Test
    void aTenantPlansModelOverrideIsAddedForThatTenantOnly() {
        AllowedModels models = new AllowedModels(List.of("model-a"),
                tenant -> tenant.equals(ACME) ? Optional.of("model-x") : Optional.empty());

        assertThat(models.allowedFor(ACME)).containsExactly("model-a", "model-x");
        assertThat(models.allowedFor(TenantId.of("other"))).containsExactly("model-a");
    }

    @Test
    void refusesAnEmptyAllowlist() {
        assertThatThrownBy(() -> new AllowedModels(List.of(), tenant -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
