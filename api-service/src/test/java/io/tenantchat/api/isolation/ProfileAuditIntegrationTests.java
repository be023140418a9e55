package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A tenant profile's save appends {@code profile.changed} (target {@code profile}, the settings before and after) in
 * the profile's own write, so the chain still verifies; a refused save (a stale version, an invalid setting, or a
 * save that loses the race for its version at the write) appends nothing.
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

    @Test
    void concurrentSavesOfOneVersionLeaveOneEntryPerSavedProfile() throws Exception {
        String tenant = registeredTenant("open", null);
        assertThat(putProfile(tenant, "{\"retention_days\": 7, \"version\": 0}").statusCode()).isEqualTo(200);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<Future<Integer>> saves = IntStream.range(0, racers).mapToObj(i -> pool.submit(() -> {
                start.await();
                return putProfile(tenant, "{\"retention_days\": " + (10 + i) + ", \"version\": 1}").statusCode();
            })).toList();
            start.countDown();
            statuses = new ArrayList<>();
            for (Future<Integer> save : saves) {
                statuses.add(save.get(60, TimeUnit.SECONDS));
            }
        }

        // each loser was refused by the version check or by the write's condition: either way it left no entry
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        assertThat(JsonPath.<List<String>>read(audit(tenant, ""), "$.entries[*].action"))
                .containsExactly("plan.changed", "profile.changed", "profile.changed");
        assertThat(JsonPath.<Boolean>read(audit(tenant, "/verification"), "$.intact")).isTrue();
    }

    private String audit(String tenant, String suffix) {
        HttpResponse<String> response = get("/api/tenants/" + tenant + "/audit" + suffix, admin(tenant));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
