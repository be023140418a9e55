package io.tenantchat.api.openai.application;

import io.tenantchat.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link TenantModels} from the operator's allowlist ({@code tenantchat.openai.allowed-models}) and the tenant plan's
 * {@code model_override}, which is added for its tenant (the worker answers with whatever model the api allowed).
 */
public final class AllowedModels implements TenantModels {

    private final List<String> allowed;
    private final Function<TenantId, Optional<String>> planOverride;

    /** @param planOverride the tenant plan's {@code model_override}, empty when it has none */
    public AllowedModels(List<String> allowed, Function<TenantId, Optional<String>> planOverride) {
        if (allowed.isEmpty() || allowed.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("tenantchat.openai.allowed-models must name at least one model");
        }
        this.allowed = List.copyOf(allowed);
        this.planOverride = planOverride;
    }

    @Override
    public List<String> allowedFor(TenantId tenantId) {
        Optional<String> override = planOverride.apply(tenantId).filter(model -> !model.isBlank());
        if (override.isEmpty() || allowed.contains(override.get())) {
            return allowed;
        }
        List<String> models = new ArrayList<>(allowed);
        models.add(override.get());
        return List.copyOf(models);
    }
}
