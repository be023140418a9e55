package io.tenantchat.api.web;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

// the session and chat slice: features with their own web tests (usage) are left out, and erasure (tested over HTTP)
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.tenantchat\\.api\\.(usage|operations|erasure)\\..*"),
        properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class ApiWebTests {

    @Autowired
    MockMvc mvc;

    @Test
    void refusesRequestsWithoutATokenWithProblemJson() throws Exception {
        mvc.perform(get("/api/sessions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void refusesAMalformedBearerToken() throws Exception {
        mvc.perform(get("/api/sessions").header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAVerifiedTokenWithoutATenant() throws Exception {
        mvc.perform(get("/api/sessions").with(jwt().jwt(j -> j.subject("alice"))
                        .authorities(new TenantAuthorities("custom:tenant_id"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void createsASessionInTheSeedShape() throws Exception {
        mvc.perform(post("/api/sessions").with(user("tenant-001", "alice")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.tenant_id").value("tenant-001"))
                .andExpect(jsonPath("$.user_id").value("alice"))
                .andExpect(jsonPath("$.session_key").value(containsString("tenant-001#alice#")))
                .andExpect(jsonPath("$.message_count").value(0))
                .andExpect(jsonPath("$.created_at").exists())
                .andExpect(jsonPath("$.last_activity").exists());
    }

    @Test
    void listsOnlyTheCallersSessions() throws Exception {
        String userId = "lister-" + UUID.randomUUID();
        createSession("tenant-001", userId);
        createSession("tenant-002", userId);

        mvc.perform(get("/api/sessions").with(user("tenant-001", userId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions", hasSize(1)))
                .andExpect(jsonPath("$.sessions[0].tenant_id").value("tenant-001"));
    }

    @Test
    void hidesASessionFromAnotherTenantsTokenWithTheSameUserId() throws Exception {
        String sessionId = createSession("tenant-001", "alice");

        mvc.perform(get("/api/sessions/" + sessionId).with(user("tenant-002", "alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.session_key").doesNotExist())
                .andExpect(content().string(not(containsString("tenant-001"))));
        mvc.perform(get("/api/sessions/" + sessionId + "/messages").with(user("tenant-002", "alice")))
                .andExpect(status().isNotFound());
    }

    @Test
    void acceptsAChatMessageWith202AndPollsItsStatus() throws Exception {
        String sessionId = createSession("tenant-001", "alice");

        String body = mvc.perform(post("/api/chat").with(user("tenant-001", "alice"))
                        .contentType(MediaType.APPLICATION_JSON).content(chatBody("Hello", "tenant-001", "alice", sessionId)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.session_id").value(sessionId))
                .andReturn().getResponse().getContentAsString();
        String messageId = JsonPath.read(body, "$.message_id");

        mvc.perform(get("/api/chat/" + messageId).with(user("tenant-001", "alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message_id").value(messageId))
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.reply").isEmpty())
                .andExpect(jsonPath("$.error").isEmpty());
        mvc.perform(get("/api/chat/" + messageId).with(user("tenant-002", "alice")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/sessions/" + sessionId + "/messages").with(user("tenant-001", "alice")))
                .andExpect(jsonPath("$.messages[0].role").value("user"))
                .andExpect(jsonPath("$.messages[0].content").value("Hello"));
    }

    @Test
    void refusesATenantContextThatDisagreesWithTheToken() throws Exception {
        String sessionId = createSession("tenant-001", "alice");

        mvc.perform(post("/api/chat").with(user("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content(chatBody("Hi", "tenant-002", "alice", sessionId)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("tenant_mismatch"));
    }

    @Test
    void refusesAnotherTenantsSessionIdAsNotFound() throws Exception {
        String sessionId = createSession("tenant-001", "alice");

        mvc.perform(post("/api/chat").with(user("tenant-002", "bob")).contentType(MediaType.APPLICATION_JSON)
                        .content(chatBody("Hi", "tenant-002", "bob", sessionId)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("session_not_found"));
    }

    @Test
    void answersBadInputWithA400ProblemAndNoStackTrace() throws Exception {
        mvc.perform(post("/api/chat").with(user("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/api/chat/not-an-id").with(user("tenant-001", "alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_message_id"));
        mvc.perform(get("/api/sessions/NOT-A-SESSION").with(user("tenant-001", "alice")))
                .andExpect(status().isBadRequest());
    }

    private String createSession(String tenant, String userId) throws Exception {
        String body = mvc.perform(post("/api/sessions").with(user(tenant, userId)))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.session_id");
    }

    private static String chatBody(String message, String tenant, String userId, String sessionId) {
        return """
                {"message": "%s", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}
                """.formatted(message, tenant, userId, sessionId);
    }

    private static RequestPostProcessor user(String tenant, String userId) {
        return jwt().jwt(j -> j.subject(userId).claim("custom:tenant_id", tenant).claim("cognito:groups", List.of()))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }
}
