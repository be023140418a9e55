package io.tenantchat.api.tenant.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.tenant.domain.TenantPlan;

public interface ManageTenantsUseCase {

    /** Creates or replaces a tenant's plan (platform operators only). */
    TenantPlan put(Caller caller, PutTenant command);
}
