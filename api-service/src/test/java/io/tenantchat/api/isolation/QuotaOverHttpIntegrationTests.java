package io.tenantchat.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The quota answers docs/usage-and-quotas.md promises, over HTTP against the stand-ins (no worker runs, so accepted messages stay in
 * flight): {@code 429 too_many_sessions}, {@code 429 monthly_message_limit} with their headers, and the
 * {@code Quota-Warning} header of a 202 near the token budget.
 */
class QuotaOverHttpIntegrationTests extends GuardedApi {

    /** "hi" reserves 1,024 output + 0 input + 1,000 history tokens: 84 % of a 2,400-token budget. */
    private static final String SHORT_MESSAGE = """
            {"message": "hi", "tenant_context": {"tenant_id": "%s", "user_id": "%s", "session_id": "%s"}}""";

    @Test
    void messageInASecondSessionWhileTheOnlyAllowedOneIsBusyIs429TooManySessions() {
        Actor alice = World.actor(TOKENS, registeredTenant("open", "{\"concurrent_sessions\": 1}"), "alice");
        String busy = newSession(alice);
        String other = newSession(alice);

        assertThat(chat(alice, busy).statusCode()).isEqualTo(202);
        HttpResponse<String> refused = chat(alice, other);

        assertRefused(refused, "too_many_sessions", "1");
        assertThat(chat(alice, busy).statusCode()).as("the busy session itself may go on").isEqualTo(202);
    }

    @Test
    void messagePastTheMonthlyLimitIs429MonthlyMessageLimit() {
        Actor alice = World.actor(TOKENS, registeredTenant("open",
                "{\"messages_per_month\": 2, \"messages_per_day\": 100}"), "alice");
        String session = newSession(alice);
        assertThat(chat(alice, session).statusCode()).isEqualTo(202);
        assertThat(chat(alice, session).statusCode()).isEqualTo(202);

        HttpResponse<String> refused = chat(alice, session);

        assertRefused(refused, "monthly_message_limit", "2");
    }

    @Test
    void acceptedMessageNearTheTokenBudgetCarriesQuotaWarning() {
        Actor near = World.actor(TOKENS, registeredTenant("open", "{\"monthly_tokens\": 2400}"), "near");
        Actor far = World.actor(TOKENS, registeredTenant("open", null), "far");

        HttpResponse<String> warned = chat(near, newSession(near));
        HttpResponse<String> plain = chat(far, newSession(far));

        assertThat(warned.statusCode()).as(warned.body()).isEqualTo(202);
        assertThat(warned.headers().firstValue("Quota-Warning")).hasValue("monthly_tokens=84%");
        assertThat(plain.statusCode()).isEqualTo(202);
        assertThat(plain.headers().firstValue("Quota-Warning")).isEmpty();
    }

    private HttpResponse<String> chat(Actor actor, String session) {
        return send(post("/api/chat", actor, SHORT_MESSAGE.formatted(actor.tenantId(), actor.userId(), session)));
    }

    private static void assertRefused(HttpResponse<String> refused, String code, String limit) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"" + code + "\"");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue(limit);
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }
}
