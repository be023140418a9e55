package io.tenantchat.api.openai.application;

import io.tenantchat.shared.TenantId;
import java.util.List;

/**
 * Out-port: the models a tenant may name on {@code /v1}, the one place that decides it. Today an operator's allowlist
 * plus the tenant plan's {@code model_override} ({@link AllowedModels}); the tenant profile of issue 21 narrows it per
 * tenant behind this same port.
 */
public interface TenantModels {

    /**
     * The tenant's models, the default first; never empty.
     *
     * @throws io.tenantchat.api.error.ForbiddenException when the tenant may not use the service at all
     */
    List<String> allowedFor(TenantId tenantId);
}
