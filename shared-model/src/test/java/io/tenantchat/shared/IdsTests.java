package io.tenantchat.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void rejectsTenantIdsWithSeparatorsOrOddCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantId.of("a#b"));
        assertThatIllegalArgumentException().isThrownBy(() -> TenantId.of(""));
        assertThatIllegalArgumentException().isThrownBy(() -> TenantId.of("x".repeat(65)));
        assertThatIllegalArgumentException().isThrownBy(() -> TenantId.of(null));
        assertThat(TenantId.of("tenant-001").value()).isEqualTo("tenant-001");
    }

    @Test
    void rejectsUserIdsContainingTheKeySeparator() {
        assertThatIllegalArgumentException().isThrownBy(() -> UserId.of("u#1"));
        assertThat(UserId.isValid("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f")).isTrue();
    }

    @Test
    void acceptsOnlyLowerCaseUuidsAsSessionIds() {
        assertThat(SessionId.isValid(SessionId.random().value())).isTrue();
        assertThat(SessionId.isValid("2B9C7A1E-3D4F-4A5B-8C6D-7E8F9A0B1C2D")).isFalse();
        assertThat(SessionId.isValid("../etc/passwd")).isFalse();
    }

    @Test
    void messageIdsAreVersionSevenAndSortByTime() {
        Clock earlier = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        Clock later = Clock.fixed(Instant.parse("2026-11-29T12:00:00.001Z"), ZoneOffset.UTC);

        MessageId first = MessageId.next(earlier);
        MessageId second = MessageId.next(later);

        assertThat(first.value().charAt(14)).isEqualTo('7');
        assertThat(first.value()).isLessThan(second.value());
    }

    @Test
    void messageIdsFromOneClockInstantStillIncrease() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

        java.util.List<String> ids = java.util.stream.Stream.generate(() -> MessageId.next(frozen).value())
                .limit(5000).toList();

        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
