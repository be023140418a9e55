package io.tenantchat.api.chat.adapter.in.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tenantchat.api.chat.domain.ChatMessage;
import io.tenantchat.api.chat.domain.MessageError;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.support.InMemoryAdapters;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.InMemoryQuotaLedger;
import io.tenantchat.api.support.InMemoryTenantDirectory;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.Reservation;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.api.web.ProblemHandler;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code POST /api/chat/{id}/retry}: the author's failed message only, problem JSON otherwise. */
@WebMvcTest(controllers = RetryController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class RetryEndpointWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryMessageStore messages;
    @Autowired
    List<ChatRequested> queuedJobs;
    @Autowired
    InMemoryTenantDirectory directory;
    @Autowired
    InMemoryQuotaLedger ledger;

    @Test
    void authorRetriesAFailedMessageAndGets202WithWhereToPoll() throws Exception {
        String id = stored("tenant-001", "alice", MessageStatus.FAILED);

        mvc.perform(post("/api/chat/" + id + "/retry").with(user("tenant-001", "alice")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/chat/" + id))
                .andExpect(jsonPath("$.message_id").value(id))
                .andExpect(jsonPath("$.status").value("queued"));
    }

    @Test
    void messageThatHasNotFailedIsRefusedWith409() throws Exception {
        String id = stored("tenant-001", "alice", MessageStatus.COMPLETED);

        mvc.perform(post("/api/chat/" + id + "/retry").with(user("tenant-001", "alice")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("message_not_failed"));
    }

    @Test
    void anotherTenantsOrUsersMessageIsNotFoundAndStaysFailed() throws Exception {
        String id = stored("tenant-001", "alice", MessageStatus.FAILED);
        int jobsBefore = queuedJobs.size();

        mvc.perform(post("/api/chat/" + id + "/retry").with(user("tenant-002", "alice")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/chat/" + id + "/retry").with(user("tenant-001", "anna")))
                .andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThat(queuedJobs).hasSize(jobsBefore);
    }

    @Test
    void retryBeyondTheInFlightCapIsRefusedWith429LikeANewMessageAndStaysFailed() throws Exception {
        String id = stored("tenant-429", "alice", MessageStatus.FAILED);
        directory.save(new TenantPlan(TenantId.of("tenant-429"), "Busy", "custom",
                new PlanLimits(50, 1_000, 5, 200_000, 5, 1), null, true));
        ledger.reserve(new Reservation(TenantId.of("tenant-429"), SessionId.random(), MessageId.next(Clock.systemUTC()),
                100, Instant.now()), new PlanLimits(50, 1_000, 5, 200_000, 5, 1));
        int jobsBefore = queuedJobs.size();

        mvc.perform(post("/api/chat/" + id + "/retry").with(user("tenant-429", "alice")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("too_many_in_flight"))
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("RateLimit-Limit", "1"))
                .andExpect(header().string("RateLimit-Remaining", "0"));
        org.assertj.core.api.Assertions.assertThat(queuedJobs).hasSize(jobsBefore);
        org.assertj.core.api.Assertions.assertThat(messages.findExchange(TenantId.of("tenant-429"),
                messages.findRef(TenantId.of("tenant-429"), MessageId.of(id)).orElseThrow().sessionId(),
                MessageId.of(id)).orElseThrow().message().status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void retryNearTheMonthlyTokenBudgetCarriesTheQuotaWarningHeader() throws Exception {
        String id = stored("tenant-warn", "alice", MessageStatus.FAILED);
        PlanLimits limits = new PlanLimits(50, 1_000, 5, 10_000, 5, 5);
        directory.save(new TenantPlan(TenantId.of("tenant-warn"), "Warn", "custom", limits, null, true));
        ledger.reserve(new Reservation(TenantId.of("tenant-warn"), SessionId.random(), MessageId.next(Clock.systemUTC()),
                8_500, Instant.now()), limits);

        mvc.perform(post("/api/chat/" + id + "/retry").with(user("tenant-warn", "alice")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Quota-Warning", org.hamcrest.Matchers.startsWith("monthly_tokens=")));
    }

    @Test
    void malformedMessageIdIsRefusedWith400() throws Exception {
        mvc.perform(post("/api/chat/not-an-id/retry").with(user("tenant-001", "alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_message_id"));
    }

    private String stored(String tenant, String user, MessageStatus status) {
        Instant now = Instant.now();
        ChatMessage message = new ChatMessage(TenantId.of(tenant), SessionId.random(), UserId.of(user),
                MessageId.next(Clock.systemUTC()), "Hello", status, 1,
                status == MessageStatus.FAILED ? new MessageError("model_unavailable", "busy") : null, now, now);
        messages.saveQueued(message);
        return message.messageId().value();
    }

    private static RequestPostProcessor user(String tenant, String userId) {
        return jwt().jwt(j -> j.subject(userId).claim("custom:tenant_id", tenant).claim("cognito:groups", List.of()))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }
}
