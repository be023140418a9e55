package io.tenantchat.usage.support;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.shared.usage.ModelInvoked;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/** Test data builder for ModelInvoked events with sensible defaults. */
public final class UsageEvents {

    private String tenant = "tenant-001";
    private String user = "alice";
    private String model = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private Long input = 100L;
    private Long output = 40L;
    private BigDecimal cost = new BigDecimal("0.000900");
    private Instant at = Instant.parse("2026-11-29T13:45:00Z");
    private MessageId messageId = MessageId.next(Clock.systemUTC());
    private int attempt = 1;
    private long latencyMs = 1200;

    public static UsageEvents anEvent() {
        return new UsageEvents();
    }

    public UsageEvents tenant(String value) {
        tenant = value;
        return this;
    }

    public UsageEvents user(String value) {
        user = value;
        return this;
    }

    public UsageEvents model(String value) {
        model = value;
        return this;
    }

    public UsageEvents tokens(Long in, Long out) {
        input = in;
        output = out;
        return this;
    }

    public UsageEvents cost(BigDecimal value) {
        cost = value;
        return this;
    }

    public UsageEvents at(Instant value) {
        at = value;
        return this;
    }

    public UsageEvents latency(long millis) {
        latencyMs = millis;
        return this;
    }

    /** The same message's next model call. */
    public UsageEvents attempt(int value) {
        attempt = value;
        return this;
    }

    public ModelInvoked build() {
        return new ModelInvoked(ModelInvoked.eventIdOf(messageId, attempt), TenantId.of(tenant), UserId.of(user),
                SessionId.random(), messageId, attempt, model, null, input, output, null, null, latencyMs, at,
                InvocationStatus.COMPLETED, cost);
    }
}
