package io.tenantchat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTenantsTests {

    @Test
    void namedTenantsKeepTheirIdAndAllOthersShareOneTag() {
        MetricTenants tenants = new MetricTenants(Set.of("tenant-001"));

        assertThat(tenants.tagOf(TenantId.of("tenant-001"))).isEqualTo("tenant-001");
        assertThat(tenants.tagOf(TenantId.of("tenant-999"))).isEqualTo(MetricTenants.OTHER);
        assertThat(new MetricTenants(null).tagOf(TenantId.of("tenant-001"))).isEqualTo(MetricTenants.OTHER);
    }
}
