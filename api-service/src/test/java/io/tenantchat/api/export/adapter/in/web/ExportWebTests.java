package io.tenantchat.api.export.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.support.InMemoryAdapters;
import io.tenantchat.api.support.InMemoryAuditTrail;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.InMemorySessionRepository;
import io.tenantchat.api.web.ProblemHandler;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code GET /api/sessions/{id}/export} for the session's owner and {@code GET /api/tenants/{id}/export} for its admin. */
@WebMvcTest(controllers = ExportController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class ExportWebTests {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    InMemorySessionRepository sessions;

    @Autowired
    InMemoryMessageStore messages;

    @Autowired
    InMemoryAuditTrail audit;

    @Test
    void theOwnerExportsASessionAsJson() throws Exception {
        String tenant = tenant();
        ChatSession session = session(tenant, "alice", "hello there", "second");

        mvc.perform(get("/api/sessions/" + session.sessionId().value() + "/export").with(member(tenant, "alice")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"session-"
                        + session.sessionId().value() + ".json\""))
                .andExpect(jsonPath("$.session.session_id").value(session.sessionId().value()))
                .andExpect(jsonPath("$.session.tenant_id").value(tenant))
                .andExpect(jsonPath("$.messages.length()").value(2))
                .andExpect(jsonPath("$.messages[0].role").value("user"))
                .andExpect(jsonPath("$.messages[0].content").value("hello there"))
                .andExpect(jsonPath("$.messages[1].content").value("second"));
    }

    @Test
    void theOwnerExportsASessionAsMarkdown() throws Exception {
        String tenant = tenant();
        ChatSession session = session(tenant, "alice", "hello there");

        String body = mvc.perform(get("/api/sessions/" + session.sessionId().value() + "/export")
                        .param("format", "markdown").with(member(tenant, "alice")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).startsWith("# Session " + session.sessionId().value()).contains("## user (", "hello there");
    }

    @Test
    void anotherUserOrTenantFindsNoSessionAndBadInputIsAProblem() throws Exception {
        String tenant = tenant();
        ChatSession session = session(tenant, "alice", "secret");
        String path = "/api/sessions/" + session.sessionId().value() + "/export";

        mvc.perform(get(path).with(member(tenant, "anna")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(path).with(member(tenant(), "alice")))
                .andExpect(status().isNotFound());
        mvc.perform(get(path).param("format", "pdf").with(member(tenant, "alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid_format"));
        mvc.perform(get("/api/sessions/not-a-session/export").with(member(tenant, "alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theTenantAdminExportsTheTenantAsNdjsonAndItIsAudited() throws Exception {
        String tenant = tenant();
        session(tenant, "alice", "one");
        session(tenant, "anna", "two");
        session(tenant(), "bob", "elsewhere");

        String body = mvc.perform(get("/api/tenants/" + tenant + "/export").with(member(tenant, "root", "tenant-admin")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn().getResponse().getContentAsString();

        List<String> lines = Arrays.asList(body.split("\n"));
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"session\"")).hasSize(2)
                .allMatch(l -> l.contains("\"tenant_id\":\"" + tenant + "\""));
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"message\"")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.contains("\"type\":\"usage\"")).singleElement()
                .satisfies(l -> assertThat(l).contains("\"bucket\":\"2026-12\"", "\"input_tokens\":10"));
        assertThat(body).doesNotContain("elsewhere");
        assertThat(audit.entries(TenantId.of(tenant))).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("export.tenant"));
    }

    @Test
    void refusesTheTenantExportToAMemberAndToAnotherTenantsAdmin() throws Exception {
        String tenant = tenant();
        mvc.perform(get("/api/tenants/" + tenant + "/export").with(member(tenant, "alice")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("tenant_admin_required"));
        mvc.perform(get("/api/tenants/" + tenant + "/export").with(member(tenant(), "root", "tenant-admin")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("tenant_mismatch"));
        mvc.perform(get("/api/tenants/bad.tenant/export").with(member(tenant, "root", "tenant-admin")))
                .andExpect(status().isBadRequest());
        assertThat(audit.entries(TenantId.of(tenant))).isEmpty();
    }

    private ChatSession session(String tenant, String user, String... texts) {
        ChatSession session = ChatSession.start(TenantId.of(tenant), UserId.of(user), SessionId.random(), T0);
        sessions.create(session, 1000);
        for (String text : texts) {
            messages.saveQueued(ChatMessage.queued(session.tenantId(), session.sessionId(), session.userId(),
                    MessageId.next(Clock.systemUTC()), text, T0));
        }
        return session;
    }

    private static String tenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestPostProcessor member(String tenant, String userId, String... groups) {
        return jwt().jwt(j -> j.subject(userId).claim("custom:tenant_id", tenant).claim("cognito:groups", List.of(groups)))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }
}
