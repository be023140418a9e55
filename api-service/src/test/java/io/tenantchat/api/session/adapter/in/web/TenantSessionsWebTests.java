package io.tenantchat.api.session.adapter.in.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code GET /api/tenants/{tenantId}/sessions}: tenant-admins of that tenant only. */
@WebMvcTest(controllers = {TenantSessionController.class, SessionController.class}, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class TenantSessionsWebTests {

    @Autowired
    MockMvc mvc;

    @Test
    void listsEverySessionOfTheAdminsTenantAndNoOther() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        createSession(tenant, "alice");
        createSession(tenant, "anna");
        createSession("tenant-other", "bob");

        mvc.perform(get("/api/tenants/" + tenant + "/sessions").with(caller(tenant, "root", "tenant-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant_id").value(tenant))
                .andExpect(jsonPath("$.sessions", hasSize(2)))
                .andExpect(jsonPath("$.sessions[*].tenant_id", everyItem(equalTo(tenant))))
                .andExpect(content().string(not(containsString("tenant-other"))));
    }

    @Test
    void pagesWithAnOpaqueCursor() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            createSession(tenant, "user-" + i);
        }

        String firstPage = mvc.perform(get("/api/tenants/" + tenant + "/sessions?limit=2")
                        .with(caller(tenant, "root", "tenant-admin")))
                .andExpect(jsonPath("$.sessions", hasSize(2)))
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(firstPage, "$.next_cursor");

        mvc.perform(get("/api/tenants/" + tenant + "/sessions?limit=2&cursor=" + cursor)
                        .with(caller(tenant, "root", "tenant-admin")))
                .andExpect(jsonPath("$.sessions", hasSize(1)))
                .andExpect(jsonPath("$.next_cursor").doesNotExist());
    }

    @Test
    void refusesAnOrdinaryMember() throws Exception {
        mvc.perform(get("/api/tenants/tenant-001/sessions").with(caller("tenant-001", "alice")))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnAdminOfAnotherTenant() throws Exception {
        createSession("tenant-001", "alice");

        mvc.perform(get("/api/tenants/tenant-001/sessions").with(caller("tenant-002", "root", "tenant-admin")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("tenant_mismatch"))
                .andExpect(content().string(not(containsString("alice"))));
    }

    @Test
    void refusesAPlatformOperatorOnTheTenantEndpoint() throws Exception {
        mvc.perform(get("/api/tenants/tenant-001/sessions").with(caller("platform", "ops", "platform-operator")))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesMalformedTenantIdsAndLimits() throws Exception {
        mvc.perform(get("/api/tenants/tenant%23001/sessions").with(caller("tenant-001", "root", "tenant-admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/tenants/tenant-001/sessions?limit=0").with(caller("tenant-001", "root", "tenant-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_limit"));
        mvc.perform(get("/api/tenants/tenant-001/sessions?limit=abc").with(caller("tenant-001", "root", "tenant-admin")))
                .andExpect(status().isBadRequest());
    }

    private void createSession(String tenant, String userId) throws Exception {
        mvc.perform(post("/api/sessions").with(caller(tenant, userId))).andExpect(status().isCreated());
    }

    private static RequestPostProcessor caller(String tenant, String userId, String... groups) {
        return jwt().jwt(j -> j.subject(userId).claim("custom:tenant_id", tenant).claim("cognito:groups", List.of(groups)))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }
}
