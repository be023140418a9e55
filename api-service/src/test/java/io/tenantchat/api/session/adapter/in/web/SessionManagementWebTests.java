package io.tenantchat.api.session.adapter.in.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.support.InMemoryAdapters;
import io.tenantchat.api.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code PATCH} (rename) and {@code DELETE /api/sessions/{sessionId}}: the caller's own sessions only. */
@WebMvcTest(controllers = SessionController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class SessionManagementWebTests {

    @Autowired
    MockMvc mvc;

    @Test
    void renamesTheCallersSession() throws Exception {
        String session = createSession("tenant-001", "alice");

        mvc.perform(rename(session, "{\"title\": \"  Holiday plans \"}").with(caller("tenant-001", "alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Holiday plans"));
        mvc.perform(get("/api/sessions/" + session).with(caller("tenant-001", "alice")))
                .andExpect(jsonPath("$.title").value("Holiday plans"));
    }

    @Test
    void refusesAnEmptyMissingOrOverlongTitleWithProblemJson() throws Exception {
        String session = createSession("tenant-001", "alice");

        for (String body : new String[] {"{\"title\": \" \"}", "{}", "{\"title\": \"" + "x".repeat(201) + "\"}"}) {
            mvc.perform(rename(session, body).with(caller("tenant-001", "alice")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("invalid_title"));
        }
    }

    @Test
    void answersAnotherTenantsRenameOrDeleteWith404AndChangesNothing() throws Exception {
        String session = createSession("tenant-001", "alice");

        mvc.perform(rename(session, "{\"title\": \"mine now\"}").with(caller("tenant-002", "alice")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("session_not_found"));
        mvc.perform(delete("/api/sessions/" + session).with(caller("tenant-002", "alice")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/sessions/" + session).with(caller("tenant-001", "anna")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/sessions/" + session).with(caller("tenant-001", "alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").doesNotExist());
    }

    @Test
    void deletesTheCallersSessionWith204() throws Exception {
        String session = createSession("tenant-001", "alice");

        mvc.perform(delete("/api/sessions/" + session).with(caller("tenant-001", "alice")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/sessions/" + session).with(caller("tenant-001", "alice")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/sessions/" + session).with(caller("tenant-001", "alice")))
                .andExpect(status().isNotFound());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder rename(String session,
            String json) {
        return patch("/api/sessions/" + session).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private String createSession(String tenant, String userId) throws Exception {
        String body = mvc.perform(post("/api/sessions").with(caller(tenant, userId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.session_id");
    }

    private static RequestPostProcessor caller(String tenant, String userId) {
        return jwt().jwt(j -> j.subject(userId).claim("custom:tenant_id", tenant))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }
}
