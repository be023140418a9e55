package io.tenantchat.api.chat.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.session.application.SessionService;
import io.tenantchat.api.support.Callers;
import io.tenantchat.api.support.InMemoryAdapters;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.web.ProblemHandler;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Idempotency keys, the size limit, long polling and paging over HTTP, always with a cross-tenant case. */
@WebMvcTest(controllers = ChatController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class ChatEndpointsWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryMessageStore messages;
    @Autowired
    SessionService sessions;

    @Test
    void messageOverTheSizeLimitIsRefusedWith413ProblemJson() throws Exception {
        String sessionId = createSession("tenant-001", "alice");

        mvc.perform(post("/api/chat").with(user("tenant-001", "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content(chatBody("x".repeat(32_001), "tenant-001", "alice", sessionId)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("message_too_long"));
    }

    @Test
    void repeatedIdempotencyKeyAnswersWithTheOriginalMessage() throws Exception {
        String sessionId = createSession("tenant-001", "alice");

        String first = send("tenant-001", "alice", sessionId, "retry-me");
        String again = send("tenant-001", "alice", sessionId, "retry-me");

        assertThat(again).isEqualTo(first);
        assertThat(messages.all()).filteredOn(m -> m.sessionId().value().equals(sessionId))
                .hasSize(1);
    }

    @Test
    void malformedIdempotencyKeyIsRefusedWith400() throws Exception {
        String sessionId = createSession("tenant-001", "alice");

        mvc.perform(post("/api/chat").with(user("tenant-001", "alice")).header("Idempotency-Key", "x".repeat(256))
                        .contentType(MediaType.APPLICATION_JSON).content(chatBody("Hi", "tenant-001", "alice", sessionId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_idempotency_key"));
    }

    @Test
    void longPollAnswersOnceTheStatusChanges() throws Exception {
        String sessionId = createSession("tenant-001", "alice");
        String messageId = send("tenant-001", "alice", sessionId, null);

        MvcResult waiting = mvc.perform(get("/api/chat/" + messageId + "?wait=20").with(user("tenant-001", "alice")))
                .andExpect(request().asyncStarted())
                .andReturn();
        messages.markFailed(TenantId.of("tenant-001"), SessionId.of(sessionId), MessageId.of(messageId),
                new MessageError("model_unavailable", "The model is busy right now."), Instant.now());

        mvc.perform(asyncDispatch(waiting))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(jsonPath("$.error.message").value("The model is busy right now."));
    }

    @Test
    void longPollAnswersWithTheCurrentStateWhenTheWaitEnds() throws Exception {
        String sessionId = createSession("tenant-001", "alice");
        String messageId = send("tenant-001", "alice", sessionId, null);

        MvcResult waiting = mvc.perform(get("/api/chat/" + messageId + "?wait=1").with(user("tenant-001", "alice")))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(waiting)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("queued"));
    }

    @Test
    void longPollOfAnotherTenantsMessageIsNotFoundAtOnce() throws Exception {
        String sessionId = createSession("tenant-001", "alice");
        String messageId = send("tenant-001", "alice", sessionId, null);

        mvc.perform(get("/api/chat/" + messageId + "?wait=20").with(user("tenant-002", "alice")))
                .andExpect(status().isNotFound());
    }

    @Test
    void waitOutOfBoundsIsRefused() throws Exception {
        String sessionId = createSession("tenant-001", "alice");
        String messageId = send("tenant-001", "alice", sessionId, null);

        mvc.perform(get("/api/chat/" + messageId + "?wait=26").with(user("tenant-001", "alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_wait"));
    }

    @Test
    void historyIsPagedWithANextCursor() throws Exception {
        String sessionId = createSession("tenant-001", "alice");
        String first = send("tenant-001", "alice", sessionId, null);
        send("tenant-001", "alice", sessionId, null);

        mvc.perform(get("/api/sessions/" + sessionId + "/messages?limit=1").with(user("tenant-001", "alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.next_cursor").value(first));
        mvc.perform(get("/api/sessions/" + sessionId + "/messages?after=" + first).with(user("tenant-001", "alice")))
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.next_cursor").isEmpty());
        mvc.perform(get("/api/sessions/" + sessionId + "/messages?limit=201").with(user("tenant-001", "alice")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/sessions/" + sessionId + "/messages?after=nope").with(user("tenant-001", "alice")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/sessions/" + sessionId + "/messages").with(user("tenant-002", "alice")))
                .andExpect(status().isNotFound());
    }

    private String send(String tenant, String userId, String sessionId, String idempotencyKey) throws Exception {
        var request = post("/api/chat").with(user(tenant, userId)).contentType(MediaType.APPLICATION_JSON)
                .content(chatBody("Hello", tenant, userId, sessionId));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        String body = mvc.perform(request).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.message_id");
    }

    private String createSession(String tenant, String userId) {
        return sessions.start(Callers.caller(tenant, userId)).sessionId().value();
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
