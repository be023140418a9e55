package io.tenantchat.api.operations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayFilterTests {

    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final MessageId MESSAGE = MessageId.of("0190f3c2-1c2d-7a3b-8c4d-5e6f7a8b9c0d");
    private static final Instant SENT = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aMessageIdFilterPassesOverAUsageEventWithoutAMessageId() {
        ReplayFilter filter = new ReplayFilter(null, null, Set.of(MESSAGE), null, null, ReplayFilter.MAX_LIMIT);

        assertThat(filter.matches(letter(new DeadLetterKey(TENANT, null, null, "event-1")))).isFalse();
    }

    @Test
    void aMessageIdFilterMatchesALetterOfThatMessage() {
        ReplayFilter filter = new ReplayFilter(null, null, Set.of(MESSAGE), null, null, ReplayFilter.MAX_LIMIT);

        assertThat(filter.matches(letter(new DeadLetterKey(TENANT, null, MESSAGE, "event-1")))).isTrue();
    }

    private static DeadLetter letter(DeadLetterKey key) {
        return new DeadLetter("sqs-1", "handle-1", null, SENT, 1, "{}", key, null, Map.of());
    }
}
