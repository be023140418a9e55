package io.tenantchat.api.tenant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.support.Callers;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.support.Tiers;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTests {

    private static final Caller OPERATOR = new Caller(TenantId.of("platform"), UserId.of("op"),
            Set.of(Caller.PLATFORM_OPERATOR));
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final SubscriptionService service = new SubscriptionService(new TenantPlans(directory,
            Tiers.refusingUnknown()), directory, Tiers.refusingUnknown(), new InMemoryQuotaLedger(), Clock.systemUTC(),
            directory.audit().recorder(Clock.systemUTC()));

    @Test
    void operatorRegistersATenantOnATierWithItsOwnOverrides() {
        TenantPlan plan = service.put(OPERATOR, new PutTenant("tenant-001", "Acme", "basic", "claude-haiku", null,
                2_000, null, null, null, null));

        assertThat(plan.limits()).isEqualTo(new PlanLimits(50, 2_000, 1, 200_000, 1, 2));
        assertThat(directory.find(TenantId.of("tenant-001"))).contains(plan);
        assertThat(service.subscription(Callers.ALICE, "tenant-001")).satisfies(s -> {
            assertThat(s.plan().tier()).isEqualTo("basic");
            assertThat(s.status()).isEqualTo("active");
        });
    }

    @Test
    void refusesAnotherTenantsSubscriptionButShowsAnyToAnOperator() {
        service.put(OPERATOR, new PutTenant("tenant-002", null, "premium", null, null, null, null, null, null, null));

        assertThatThrownBy(() -> service.subscription(Callers.ALICE, "tenant-002"))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("tenant_mismatch"));
        assertThat(service.subscription(OPERATOR, "tenant-002").plan().tier()).isEqualTo("premium");
    }

    @Test
    void refusesAnUnregisteredTenantsSubscriptionWhenUnknownTenantsAreRefused() {
        assertThatThrownBy(() -> service.subscription(Callers.ALICE, "tenant-001"))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("unknown_tenant"));
    }

    @Test
    void refusesTenantChangesByAnyoneButAnOperatorAndBadInput() {
        assertThatThrownBy(() -> service.put(Callers.ALICE, new PutTenant("tenant-001", null, "premium", null, null,
                null, null, null, null, null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.put(OPERATOR, new PutTenant("tenant-001", null, "gold", null, null, null,
                null, null, null, null))).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("unknown_tier"));
        assertThatThrownBy(() -> service.put(OPERATOR, new PutTenant("tenant-001", null, "basic", null, 0, null,
                null, null, null, null))).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_limits"));
        assertThatThrownBy(() -> service.put(OPERATOR, new PutTenant("bad tenant", null, "basic", null, null, null,
                null, null, null, null))).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_tenant_id"));
        assertThat(directory.find(TenantId.of("tenant-001"))).isEmpty();
    }
}
