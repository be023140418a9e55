package io.tenantchat.api.operations.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tenantchat.api.config.SecurityConfig;
import io.tenantchat.api.identity.TenantAuthorities;
import io.tenantchat.api.operations.application.InspectQueuesUseCase;
import io.tenantchat.api.operations.application.ReplayDeadLettersUseCase;
import io.tenantchat.api.operations.domain.DeadLetterKey;
import io.tenantchat.api.operations.domain.DeadLetterView;
import io.tenantchat.api.operations.domain.OperatedQueue;
import io.tenantchat.api.operations.domain.QueueStats;
import io.tenantchat.api.operations.domain.ReplayFilter;
import io.tenantchat.api.operations.domain.ReplayOutcome;
import io.tenantchat.api.operations.domain.ReplaySummary;
import io.tenantchat.api.operations.domain.ReplayedLetter;
import io.tenantchat.api.web.ProblemHandler;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Queue operations over HTTP: platform operators only, filters read from the body, bad input as problem JSON. */
@WebMvcTest(controllers = QueueOperationsController.class, properties = {
        "tenantchat.auth.issuer-uri=http://localhost:1/pool",
        "tenantchat.auth.client-ids=client",
        "tenantchat.auth.tenant-claim=custom:tenant_id",
        "spring.jackson.property-naming-strategy=SNAKE_CASE"})
@Import({SecurityConfig.class, ProblemHandler.class, QueueOperationsWebTests.Fakes.class})
class QueueOperationsWebTests {

    static final AtomicReference<ReplayFilter> LAST_FILTER = new AtomicReference<>();
    static final DeadLetterKey KEY = new DeadLetterKey(TenantId.of("tenant-001"), SessionId.random(),
            MessageId.next(Clock.systemUTC()), null);

    @Autowired
    MockMvc mvc;

    @Test
    void operatorSeesTheStatsOfEveryQueue() throws Exception {
        mvc.perform(get("/api/admin/queues").with(caller("platform-operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queues[0].queue").value("chat-requests"))
                .andExpect(jsonPath("$.queues[1].dead_letter").value(true))
                .andExpect(jsonPath("$.queues[1].oldest_age_seconds").value(42));
    }

    @Test
    void operatorPeeksDeadLettersWithTheirMessageStateButNoText() throws Exception {
        mvc.perform(get("/api/admin/queues/chat-requests/dead-letters?limit=5").with(caller("platform-operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dead_letters[0].tenant_id").value("tenant-001"))
                .andExpect(jsonPath("$.dead_letters[0].error_code").value("model_unavailable"))
                .andExpect(jsonPath("$.dead_letters[0].attempts").value(5));
    }

    @Test
    void replayReadsItsFiltersFromTheBodyAndAnswersWithTheSummary() throws Exception {
        String messageId = MessageId.next(Clock.systemUTC()).value();
        mvc.perform(post("/api/admin/queues/chat-requests/dead-letters/replay").with(caller("platform-operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"tenant_id": "tenant-001", "message_ids": ["%s"], "from": "2026-11-29T00:00:00Z",
                                 "dry_run": true}""".formatted(messageId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dry_run").value(true))
                .andExpect(jsonPath("$.moved").value(1))
                .andExpect(jsonPath("$.letters[0].outcome").value("would_move"));
        assertThat(LAST_FILTER.get().tenantId()).isEqualTo(TenantId.of("tenant-001"));
        assertThat(LAST_FILTER.get().messageIds()).containsExactly(MessageId.of(messageId));
        assertThat(LAST_FILTER.get().from()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void tenantAdminsAndMembersAreRefused() throws Exception {
        mvc.perform(get("/api/admin/queues").with(caller("tenant-admin"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/queues/chat-requests/dead-letters/replay").with(caller()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownQueueIs404AndBadFiltersAre400() throws Exception {
        mvc.perform(get("/api/admin/queues/nope/dead-letters").with(caller("platform-operator")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("queue_not_found"));
        mvc.perform(get("/api/admin/queues/chat-requests/dead-letters?limit=0").with(caller("platform-operator")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid_limit"));
        for (String body : List.of("{\"from\": \"yesterday\"}", "{\"tenant_id\": \"a#b\"}",
                "{\"message_ids\": [\"x\"]}", "{\"from\": \"2026-11-29T01:00:00Z\", \"to\": \"2026-11-29T00:00:00Z\"}")) {
            mvc.perform(post("/api/admin/queues/chat-requests/dead-letters/replay").with(caller("platform-operator"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    private static RequestPostProcessor caller(String... groups) {
        return jwt().jwt(j -> j.subject("someone").claim("custom:tenant_id", "tenant-ops")
                        .claim("cognito:groups", List.of(groups)))
                .authorities(new TenantAuthorities("custom:tenant_id"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        InspectQueuesUseCase inspect() {
            return new InspectQueuesUseCase() {
                @Override
                public List<QueueStats> stats() {
                    return List.of(new QueueStats(OperatedQueue.CHAT_REQUESTS, false, "chat-requests.fifo", 3, 1, null),
                            new QueueStats(OperatedQueue.CHAT_REQUESTS, true, "chat-requests-dlq.fifo", 2, 0, 42L));
                }

                @Override
                public List<DeadLetterView> peek(OperatedQueue queue, int limit) {
                    return List.of(new DeadLetterView("sqs-1", "g", Instant.now(), 1, KEY, "failed", 5,
                            "model_unavailable", "The model is unavailable."));
                }
            };
        }

        @Bean
        ReplayDeadLettersUseCase replay() {
            return (caller, queue, filter, dryRun) -> {
                LAST_FILTER.set(filter);
                return new ReplaySummary(queue, dryRun, 1, 1, 1, 0, 0,
                        List.of(new ReplayedLetter("sqs-1", KEY, ReplayOutcome.WOULD_MOVE, "message failed")));
            };
        }
    }
}
