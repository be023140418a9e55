package io.tenantchat.api.profile.adapter.in.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.support.InMemoryAdapters;
import io.tenantchat.api.web.ProblemHandler;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code GET/PUT /api/tenants/{tenant_id}/profile} through the real security configuration. */
@WebMvcTest(controllers = ProfileController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class ProfileWebTests {

    static final String MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";

    @Autowired
    MockMvc mvc;

    @Test
    void tenantAdminReplacesTheProfileAndAMemberReadsIt() throws Exception {
        String tenant = tenant();
        replace(tenant, admin(tenant), """
                {"system_prompt": "You answer in haiku.", "model": "%s", "max_output_tokens": 300,
                 "temperature": 0.3, "guardrail_id": "gr0abc12", "guardrail_version": "2",
                 "history_max_turns": 8, "history_max_chars": 4000, "version": 0}
                """.formatted(MODEL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get("/api/tenants/" + tenant + "/profile").with(member(tenant, "max")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant_id").value(tenant))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.system_prompt").value("You answer in haiku."))
                .andExpect(jsonPath("$.model").value(MODEL))
                .andExpect(jsonPath("$.max_output_tokens").value(300))
                .andExpect(jsonPath("$.guardrail_version").value("2"))
                .andExpect(jsonPath("$.history_max_turns").value(8))
                .andExpect(jsonPath("$.updated_by").value("root"))
                .andExpect(jsonPath("$.allowed_models[0]").value(MODEL));
    }

    @Test
    void memberAndAnotherTenantsAdminAreRefusedWith403ProblemJson() throws Exception {
        String tenant = tenant();
        replace(tenant, admin(tenant), "{\"system_prompt\": \"secret instructions\"}").andExpect(status().isOk());

        replace(tenant, member(tenant, "max"), "{\"system_prompt\": \"mine now\"}")
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
        mvc.perform(get("/api/tenants/" + tenant + "/profile").with(admin("tenant-other")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("secret instructions"))));
        replace(tenant, admin("tenant-other"), "{\"system_prompt\": \"mine now\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/tenants/" + tenant + "/profile").with(member(tenant, "max")))
                .andExpect(jsonPath("$.system_prompt").value("secret instructions"));
    }

    @Test
    void platformOperatorReplacesAnyTenantsProfile() throws Exception {
        String tenant = tenant();
        replace(tenant, member("operators", "op", "platform-operator"), "{\"temperature\": 0.1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.temperature").value(0.1));
    }

    @Test
    void refusesBadProfilesWith400ProblemJson() throws Exception {
        String tenant = tenant();
        bad(tenant, "{\"system_prompt\": \"" + "x".repeat(8 * 1024 + 1) + "\"}", "system_prompt_too_long");
        bad(tenant, "{\"model\": \"anthropic.claude-v2\"}", "model_not_allowed");
        bad(tenant, "{\"max_output_tokens\": 0}", "invalid_max_output_tokens");
        bad(tenant, "{\"temperature\": 2}", "invalid_temperature");
        bad(tenant, "{\"guardrail_id\": \"gr0abc12\"}", "guardrail_incomplete");
        bad(tenant, "{\"history_max_turns\": 0}", "invalid_history");
        replace(tenant, admin(tenant), "{\"temperature\": \"warm\"}").andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
        mvc.perform(put("/api/tenants/" + tenant + "/profile").with(admin(tenant))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/tenants/" + tenant + "/profile").with(admin(tenant)))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void staleVersionIsA409() throws Exception {
        String tenant = tenant();
        replace(tenant, admin(tenant), "{\"system_prompt\": \"one\", \"version\": 0}").andExpect(status().isOk());

        replace(tenant, admin(tenant), "{\"system_prompt\": \"two\", \"version\": 0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("profile_version_conflict"));
    }

    private void bad(String tenant, String json, String code) throws Exception {
        replace(tenant, admin(tenant), json)
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.code").value(code));
    }

    private ResultActions replace(String tenant, RequestPostProcessor caller, String json) throws Exception {
        return mvc.perform(put("/api/tenants/" + tenant + "/profile").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(json));
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
