package io.tenantchat.api.tenant.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.tenant.application.ManageTenantsUseCase;
import io.tenantchat.api.tenant.application.PutTenant;
import io.tenantchat.api.tenant.application.ViewSubscriptionUseCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TenantController {

    private final ViewSubscriptionUseCase subscriptions;
    private final ManageTenantsUseCase tenants;

    TenantController(ViewSubscriptionUseCase subscriptions, ManageTenantsUseCase tenants) {
        this.subscriptions = subscriptions;
        this.tenants = tenants;
    }

    @GetMapping("/api/tenants/{tenantId}/subscription")
    SubscriptionResponse subscription(Caller caller, @PathVariable String tenantId) {
        return SubscriptionResponse.of(subscriptions.subscription(caller, tenantId));
    }

    /** Creates or replaces the tenant's plan (platform operators only, see SecurityConfig). */
    @PutMapping("/api/admin/tenants/{tenantId}")
    TenantResponse put(Caller caller, @PathVariable String tenantId, @RequestBody TenantRequestBody body) {
        if (body == null) {
            throw new InvalidRequestException("body_required", "a tenant description is required");
        }
        LimitsBody given = body.limits();
        LimitsBody l = given == null ? new LimitsBody(null, null, null, null, null, null, null) : given;
        return TenantResponse.of(tenants.put(caller, new PutTenant(tenantId, body.name(), body.tier(),
                body.modelOverride(), l.messagesPerDay(), l.messagesPerMonth(), l.concurrentSessions(),
                l.monthlyTokens(), l.requestsPerSecond(), l.maxInFlight())));
    }
}
