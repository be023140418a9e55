package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant profile's save appends {@code profile.changed} (target {@code profile}, the settings before and after) in
 * the profile's own write, so the chain still verifies; a refused save (a stale version, an invalid setting) appends
 * nothing.
 */
class ProfileAuditIntegrationTests extends GuardedApi {

    @Test
    void aSavedProfileAppendsProfileChangedWithItsSettingsBeforeAndAfterAndTheChainVerifies() {
        String tenant = registeredTenant("open", null); // plan.changed is entry 1

        assertThat(putProfile(tenant, "{\"system_prompt\": \"Be brief.\", \"version\": 0}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> second = putProfile(tenant, "{\"retention_days\": 30, \"version\": 1}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);

        String page = audit(tenant, "");
        assertThat(JsonPath.<List<String>>read(page, "$.entries[*].action"))
                .containsExactly("plan.changed", "profile.changed", "profile.changed");
        assertThat(JsonPath.<String>read(page, "$.entries[2].target")).isEqualTo("profile");
        assertThat(JsonPath.<Map<String, Object>>read(page, "$.entries[1].before")).isEmpty();
        assertThat(JsonPath.<Map<String, Object>>read(page, "$.entries[2].before"))
                .isEqualTo(Map.of("system_prompt", "Be brief."));
        assertThat(JsonPath.<Map<String, Object>>read(page, "$.entries[2].after"))
                .isEqualTo(Map.of("retention_days", "30"));
        String verification = audit(tenant, "/verification");
        assertThat(JsonPath.<Boolean>read(verification, "$.intact")).as(verification).isTrue();
        assertThat(JsonPath.<Integer>read(verification, "$.entries")).isEqualTo(3);
    }

    @Test
    void aConflictingOrInvalidSaveAppendsNothing() {
        String tenant = registeredTenant("open", null);
        assertThat(putProfile(tenant, "{\"retention_days\": 7}").statusCode()).isEqualTo(200);

        HttpResponse<String> stale = putProfile(tenant, "{\"retention_days\": 9, \"version\": 0}");
        HttpResponse<String> invalid = putProfile(tenant, "{\"retention_days\": 3651}");

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(invalid.body()).contains("\"code\":\"invalid_retention_days\"");
        assertThat(JsonPath.<List<String>>read(audit(tenant, ""), "$.entries[*].action"))
                .containsExactly("plan.changed", "profile.changed");
        assertThat(JsonPath.<Integer>read(audit(tenant, "/verification"), "$.entries")).isEqualTo(2);
    }

    private String audit(String tenant, String suffix) {
        HttpResponse<String> response = get("/api/tenants/" + tenant + "/audit" + suffix, admin(tenant));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
