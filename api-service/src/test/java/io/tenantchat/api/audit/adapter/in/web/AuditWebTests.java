package io.tenantchat.api.audit.adapter.in.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.support.InMemoryAdapters;
import io.tenantchat.api.support.InMemoryAuditTrail;
import io.tenantchat.api.web.ProblemHandler;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /api/tenants/{tenant_id}/audit} and its verification, with the administrative actions that write it (plan
 * change, key creation and revocation) run through their own endpoints.
 */
@WebMvcTest(controllers = AuditController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "io\\.tenantchat\\.api\\.(apikey\\.adapter\\.in\\.web\\.ApiKeyController"
                + "|tenant\\.adapter\\.in\\.web\\.TenantController)"), properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class AuditWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    InMemoryAuditTrail trail;

    @Test
    void recordsAPlanChangeAndAKeysCreationAndRevocationInOrderForTheTenantAdmin() throws Exception {
        String tenant = tenant();
        mvc.perform(put("/api/admin/tenants/" + tenant).with(member("platform", "op-1", "platform-operator"))
                .header("X-Request-Id", "req-plan-1").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Acme\", \"tier\": \"basic\"}")).andExpect(status().isOk());
        String created = mvc.perform(post("/api/tenants/" + tenant + "/api-keys").with(admin(tenant))
                .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"ci\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String keyId = JsonPath.read(created, "$.key_id");
        mvc.perform(delete("/api/tenants/" + tenant + "/api-keys/" + keyId).with(admin(tenant)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/tenants/" + tenant + "/api-keys/" + keyId).with(admin(tenant)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/tenants/" + tenant + "/audit").with(admin(tenant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant_id").value(tenant))
                .andExpect(jsonPath("$.entries", hasSize(3)))
                .andExpect(jsonPath("$.entries[0].seq").value(1))
                .andExpect(jsonPath("$.entries[0].action").value("plan.changed"))
                .andExpect(jsonPath("$.entries[0].actor").value("platform/op-1"))
                .andExpect(jsonPath("$.entries[0].request_id").value("req-plan-1"))
                .andExpect(jsonPath("$.entries[0].after.tier").value("basic"))
                .andExpect(jsonPath("$.entries[0].prev_hash").value("0".repeat(64)))
                .andExpect(jsonPath("$.entries[1].action").value("api_key.created"))
                .andExpect(jsonPath("$.entries[1].target").value(keyId))
                .andExpect(jsonPath("$.entries[1].after.label").value("ci"))
                .andExpect(jsonPath("$.entries[2].action").value("api_key.revoked"))
                .andExpect(jsonPath("$.entries[2].before.revoked_at").doesNotExist())
                .andExpect(jsonPath("$.entries[2].after.revoked_at").exists())
                .andExpect(jsonPath("$.cursor").doesNotExist());
        mvc.perform(get("/api/tenants/" + tenant + "/audit/verification").with(admin(tenant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entries").value(3));
    }

    @Test
    void pagesWithAnOpaqueCursor() throws Exception {
        String tenant = tenant();
        for (String tier : List.of("basic", "premium", "open")) {
            changePlan(tenant, tier);
        }

        String first = mvc.perform(get("/api/tenants/" + tenant + "/audit?limit=2").with(admin(tenant)))
                .andExpect(jsonPath("$.entries", hasSize(2)))
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(first, "$.cursor");

        mvc.perform(get("/api/tenants/" + tenant + "/audit").param("limit", "2").param("cursor", cursor)
                        .with(admin(tenant)))
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.entries[0].seq").value(3))
                .andExpect(jsonPath("$.entries[0].after.tier").value("open"));
    }

    @Test
    void platformOperatorReadsAnyTenantsTrail() throws Exception {
        String tenant = tenant();
        changePlan(tenant, "basic");

        mvc.perform(get("/api/tenants/" + tenant + "/audit").with(member("platform", "op-2", "platform-operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries", hasSize(1)));
    }

    @Test
    void refusesAnotherTenantsAdminAndAMemberWithoutTheAdminGroup() throws Exception {
        String tenant = tenant();
        changePlan(tenant, "basic");

        for (String path : List.of("/audit", "/audit/verification")) {
            mvc.perform(get("/api/tenants/" + tenant + path).with(admin(tenant())))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("tenant_mismatch"));
            mvc.perform(get("/api/tenants/" + tenant + path).with(member(tenant, "alice")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("tenant_admin_required"));
        }
    }

    @Test
    void answersBadInputWithProblemJson() throws Exception {
        String tenant = tenant();
        for (String query : List.of("?cursor=not-a-cursor", "?cursor=YXVkaXQ6eA", "?limit=0", "?limit=201",
                "?limit=abc")) {
            mvc.perform(get("/api/tenants/" + tenant + "/audit" + query).with(admin(tenant)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/tenants/bad.tenant/audit").with(member("platform", "op", "platform-operator")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void verificationReportsWhereATamperedChainBreaks() throws Exception {
        String tenant = tenant();
        for (String tier : List.of("basic", "premium", "open")) {
            changePlan(tenant, tier);
        }
        AuditEntry second = trail.entries(TenantId.of(tenant)).get(1);
        trail.overwrite(new AuditEntry(second.tenantId(), second.seq(), second.actor(), second.action(),
                second.target(), second.before(), Map.of("tier", "open"), second.at(), second.requestId(),
                second.prevHash(), second.hash()));

        mvc.perform(get("/api/tenants/" + tenant + "/audit/verification").with(admin(tenant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.broken_at").value(2))
                .andExpect(jsonPath("$.problem").value("modified"));
    }

    @Test
    void echoesTheRequestIdItRecorded() throws Exception {
        String tenant = tenant();
        mvc.perform(put("/api/admin/tenants/" + tenant).with(member("platform", "op-1", "platform-operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tier\": \"basic\"}"))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Request-Id"));
        String generated = trail.entries(TenantId.of(tenant)).getFirst().requestId();
        mvc.perform(get("/api/tenants/" + tenant + "/audit").with(admin(tenant)))
                .andExpect(jsonPath("$.entries[0].request_id").value(generated));
    }

    private void changePlan(String tenant, String tier) throws Exception {
        mvc.perform(put("/api/admin/tenants/" + tenant).with(member("platform", "op-1", "platform-operator"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"tier\": \"" + tier + "\"}"))
                .andExpect(status().isOk());
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
