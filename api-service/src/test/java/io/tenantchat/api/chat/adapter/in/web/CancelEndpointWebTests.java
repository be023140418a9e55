package io.tenantchat.api.chat.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.tenantchat.api.support.RecordingCancelSignals;
import io.tenantchat.api.web.ProblemHandler;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code POST /api/chat/{id}/cancel}: the author's unfinished message only, idempotent, problem JSON otherwise. */
@WebMvcTest(controllers = CancelController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, InMemoryAdapters.class})
class CancelEndpointWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryMessageStore messages;
    @Autowired
    RecordingCancelSignals signals;

    @Test
    void authorCancelsAQueuedMessageAndGets202WithTheCancelledState() throws Exception {
        String id = stored("tenant-001", "alice", MessageStatus.QUEUED);

        mvc.perform(post("/api/chat/" + id + "/cancel").with(user("tenant-001", "alice")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/chat/" + id))
                .andExpect(jsonPath("$.message_id").value(id))
                .andExpect(jsonPath("$.status").value("cancelled"));
        assertThat(statusOf("tenant-001", id)).isEqualTo(MessageStatus.CANCELLED);
        assertThat(signals.cancelled).extracting(ref -> ref.messageId().value()).containsOnlyOnce(id);
    }

    @Test
    void cancellingAgainAnswersTheSameSuccessAndSignalsNothingMore() throws Exception {
        String id = stored("tenant-001", "alice", MessageStatus.QUEUED);
        mvc.perform(post("/api/chat/" + id + "/cancel").with(user("tenant-001", "alice")))
                .andExpect(status().isAccepted());

        mvc.perform(post("/api/chat/" + id + "/cancel").with(user("tenant-001", "alice")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("cancelled"));
        assertThat(signals.cancelled).extracting(ref -> ref.messageId().value()).containsOnlyOnce(id);
    }

    @Test
    void generatingMessageIsStoppedThroughTheWorkerAnd202SaysItIsStillProcessing() throws Exception {
        String id = stored("tenant-001", "alice", MessageStatus.PROCESSING);

        mvc.perform(post("/api/chat/" + id + "/cancel").with(user("tenant-001", "alice")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("processing"));
        assertThat(messages.stopping).contains(MessageId.of(id));
        assertThat(signals.stopping).extracting(ref -> ref.messageId().value()).containsExactly(id);
    }

    @ParameterizedTest
    @EnumSource(value = MessageStatus.class, names = {"COMPLETED", "FAILED"})
    void finishedMessageIsRefusedWith409ProblemJson(MessageStatus finished) throws Exception {
        String id = stored("tenant-001", "alice", finished);

        mvc.perform(post("/api/chat/" + id + "/cancel").with(user("tenant-001", "alice")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("message_finished"));
        assertThat(statusOf("tenant-001", id)).isEqualTo(finished);
    }

    @Test
    void anotherTenantsOrUsersMessageIsNotFoundAndKeepsGoing() throws Exception {
        String id = stored("tenant-001", "alice", MessageStatus.QUEUED);

        mvc.perform(post("/api/chat/" + id + "/cancel").with(user("tenant-002", "alice")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/chat/" + id + "/cancel").with(user("tenant-001", "anna")))
                .andExpect(status().isNotFound());
        assertThat(statusOf("tenant-001", id)).isEqualTo(MessageStatus.QUEUED);
        assertThat(signals.cancelled).extracting(ref -> ref.messageId().value()).doesNotContain(id);
    }

    @Test
    void malformedMessageIdIsRefusedWith400() throws Exception {
        mvc.perform(post("/api/chat/not-an-id/cancel").with(user("tenant-001", "alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid_message_id"));
    }

    @Test
    void withoutATokenTheRequestIsRefusedWith401() throws Exception {
        mvc.perform(post("/api/chat/" + MessageId.next(Clock.systemUTC()).value() + "/cancel"))
                .andExpect(status().isUnauthorized());
    }

    private MessageStatus statusOf(String tenant, String id) {
        TenantId tenantId = TenantId.of(tenant);
        SessionId session = messages.findRef(tenantId, MessageId.of(id)).orElseThrow().sessionId();
        return messages.findExchange(tenantId, session, MessageId.of(id)).orElseThrow().message().status();
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
