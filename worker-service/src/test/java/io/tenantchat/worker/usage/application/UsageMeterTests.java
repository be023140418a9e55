package io.tenantchat.worker.usage.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.worker.usage.domain.ModelPrice;
import io.tenantchat.worker.usage.domain.PriceTable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageMeterTests {

    private static final String MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";

    private final List<ModelInvoked> published = new ArrayList<>();
    private final UsageMeter meter = new UsageMeter(published::addAll,
            new PriceTable(Map.of(MODEL, new ModelPrice(new BigDecimal("3"), new BigDecimal("15")))));

    @Test
    void eventCarriesTheCallsCacheTokens() {
        meter.record(call(1500, 100));

        assertThat(published).singleElement()
                .extracting(ModelInvoked::cacheReadInputTokens, ModelInvoked::cacheWriteInputTokens)
                .containsExactly(1500L, 100L);
    }

    @Test
    void costIncludesCacheTokensAtTheModelsCachePrices() {
        UsageMeter cachedPrices = new UsageMeter(published::addAll, new PriceTable(Map.of(MODEL, new ModelPrice(
                new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.3"), new BigDecimal("3.75")))));

        // 12 input x 3 + 3 output x 15 + 1,500 read x 0.3 + 100 written x 3.75 = 906 per million
        assertThat(cachedPrices.eventOf(call(1500, 100)).costUsd()).isEqualByComparingTo("0.000906");
    }

    @Test
    void unknownCacheTokensStayUnknownRatherThanZero() {
        ModelInvoked event = meter.eventOf(call(null, null));

        assertThat(event.cacheReadInputTokens()).isNull();
        assertThat(event.cacheWriteInputTokens()).isNull();
        assertThat(event.inputTokens()).isEqualTo(12L);
    }

    private static UsageMeter.Call call(Integer cacheRead, Integer cacheWrite) {
        return new UsageMeter.Call(TenantId.of("tenant-001"), UserId.of("alice"), SessionId.random(),
                MessageId.next(Clock.systemUTC()), 1, MODEL, null, 12, 3, cacheRead, cacheWrite, Duration.ofMillis(250),
                Instant.parse("2026-11-29T10:00:00Z"), InvocationStatus.COMPLETED);
    }
}
