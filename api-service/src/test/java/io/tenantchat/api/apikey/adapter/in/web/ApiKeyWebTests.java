package io.tenantchat.api.apikey.adapter.in.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.support.InMemoryAdapters;
import io.tenantchat.api.support.SettableClock;
import io.tenantchat.api.web.ProblemHandler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /api/tenants/{tenant_id}/api-keys} for the tenant's tenant-admins, and keys as bearer tokens through
 * the real security configuration: a key acts as its principal, and every bad key is a 401 problem.
 */
@WebMvcTest(controllers = ApiKeyController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "io\\.tenantchat\\.api\\.session\\.adapter\\.in\\.web\\.SessionController"), properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class ApiKeyWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SettableClock clock;

    @Test
    void tenantAdminCreatesAKeyWhoseSecretIsShownOnlyOnce() throws Exception {
        String tenant = tenant();
        String created = create(tenant, "{\"label\": \"deploy bot\", \"principal\": \"svc-deploy\", "
                + "\"expires_at\": \"2099-01-01T00:00:00Z\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret", startsWith("tck_")))
                .andExpect(jsonPath("$.label").value("deploy bot"))
                .andExpect(jsonPath("$.principal").value("svc-deploy"))
                .andExpect(jsonPath("$.expires_at").value("2099-01-01T00:00:00Z"))
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(created, "$.secret");
        String keyId = JsonPath.read(created, "$.key_id");

        mvc.perform(get("/api/tenants/" + tenant + "/api-keys").with(admin(tenant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.api_keys", hasSize(1)))
                .andExpect(jsonPath("$.api_keys[0].key_id").value(keyId))
                .andExpect(jsonPath("$.api_keys[0].status").value("active"))
                .andExpect(jsonPath("$.api_keys[0].secret").doesNotExist())
                .andExpect(jsonPath("$.api_keys[0].secret_hash").doesNotExist())
                .andExpect(content().string(not(containsString(secret.substring(25)))));
    }

    @Test
    void keyActsAsItsPrincipalOfItsTenant() throws Exception {
        String tenant = tenant();
        String key = newKey(tenant, "alice");

        mvc.perform(post("/api/sessions").header("Authorization", "Bearer " + key))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tenant_id").value(tenant))
                .andExpect(jsonPath("$.user_id").value("alice"));
        mvc.perform(get("/api/sessions").with(member(tenant, "alice")))
                .andExpect(jsonPath("$.sessions", hasSize(1)));
        mvc.perform(get("/api/sessions").with(member(tenant, "anna")))
                .andExpect(jsonPath("$.sessions", hasSize(0)));
    }

    @Test
    void revokedKeyIsRefusedWith401ProblemJson() throws Exception {
        String tenant = tenant();
        String key = newKey(tenant, "alice");
        mvc.perform(get("/api/sessions").header("Authorization", "Bearer " + key)).andExpect(status().isOk());

        mvc.perform(delete("/api/tenants/" + tenant + "/api-keys/" + keyId(key)).with(admin(tenant)))
                .andExpect(status().isNoContent());

        refused(key);
        mvc.perform(get("/api/tenants/" + tenant + "/api-keys").with(admin(tenant)))
                .andExpect(jsonPath("$.api_keys[0].status").value("revoked"));
    }

    @Test
    void expiredKeyIsRefusedWith401ProblemJson() throws Exception {
        String tenant = tenant();
        String created = create(tenant, "{\"label\": \"short\", \"expires_at\": \""
                + clock.instant().plus(Duration.ofMinutes(5)) + "\"}").andReturn().getResponse().getContentAsString();
        String key = JsonPath.read(created, "$.secret");
        mvc.perform(get("/api/sessions").header("Authorization", "Bearer " + key)).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(5));

        refused(key);
    }

    @Test
    void malformedUnknownAndForgedKeysAreRefusedWith401ProblemJson() throws Exception {
        String key = newKey(tenant(), "alice");
        refused("tck_");
        refused("tck_not-a-key");
        refused(key + "x");
        refused(key.substring(0, key.length() - 2) + (key.endsWith("AA") ? "BB" : "AA"));
        refused("tck_" + "0".repeat(20) + "_" + "A".repeat(43));
    }

    @Test
    void aKeyCannotManageKeysEvenOfItsOwnTenant() throws Exception {
        String tenant = tenant();
        String key = newKey(tenant, "alice");

        mvc.perform(get("/api/tenants/" + tenant + "/api-keys").header("Authorization", "Bearer " + key))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tenants/" + tenant + "/api-keys").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"escalate\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnOrdinaryMemberAndAnotherTenantsAdmin() throws Exception {
        String tenant = tenant();
        String keyId = keyId(newKey(tenant, "alice"));

        mvc.perform(get("/api/tenants/" + tenant + "/api-keys").with(member(tenant, "alice")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/tenants/" + tenant + "/api-keys").with(admin("tenant-other")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("tenant_mismatch"))
                .andExpect(content().string(not(containsString(keyId))));
        mvc.perform(delete("/api/tenants/" + tenant + "/api-keys/" + keyId).with(admin("tenant-other")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/tenants/tenant-other/api-keys/" + keyId).with(admin("tenant-other")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tenants/" + tenant + "/api-keys").with(admin(tenant)))
                .andExpect(jsonPath("$.api_keys[0].status").value("active"));
    }

    @Test
    void refusesBadInputWith400() throws Exception {
        String tenant = tenant();
        create(tenant, "{\"label\": \"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_label"));
        create(tenant, "{\"label\": \"x\", \"expires_at\": \"tomorrow\"}").andExpect(status().isBadRequest());
        create(tenant, "{\"label\": \"x\", \"expires_at\": \"2020-01-01T00:00:00Z\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_expires_at"));
        mvc.perform(post("/api/tenants/" + tenant + "/api-keys").with(admin(tenant))).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/tenants/" + tenant + "/api-keys/nope").with(admin(tenant)))
                .andExpect(status().isNotFound());
    }

    private void refused(String key) throws Exception {
        mvc.perform(get("/api/sessions").header("Authorization", "Bearer " + key))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(content().string(not(containsString(key))));
    }

    private String newKey(String tenant, String principal) throws Exception {
        String created = create(tenant, "{\"label\": \"k\", \"principal\": \"" + principal + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.secret");
    }

    private ResultActions create(String tenant, String json) throws Exception {
        return mvc.perform(post("/api/tenants/" + tenant + "/api-keys").with(admin(tenant))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String keyId(String key) {
        return key.substring(4, 24);
    }

    private static String tenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor admin(String tenant) {
        return member(tenant, "root", "tenant-admin");
    }

    private static RequestPostProcessor member(String tenant, String userId, String... groups) {
        return jwt().jwt(j -> j.subject(userId).claim("custom:tenant_id", tenant).claim("cognito:groups", List.of(groups)))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }
}
