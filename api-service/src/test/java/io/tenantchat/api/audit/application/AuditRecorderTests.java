package io.tenantchat.api.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.support.InMemoryAuditTrail;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditRecorderTests {

    static final TenantId ACME = TenantId.of("acme");
    static final Caller OPERATOR = new Caller(TenantId.of("platform"), UserId.of("op-1"),
            Set.of(Caller.PLATFORM_OPERATOR));

    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    final AuditRecorder recorder = new AuditRecorder(trail, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"),
            ZoneOffset.UTC), () -> "req-7");

    AuditEvent event(String tier) {
        return recorder.event(OPERATOR, ACME, "plan.changed", "plan", Map.of(), Map.of("tier", tier));
    }

    @Test
    void namesTheCallerByTenantAndUserAndTakesTheRequestId() {
        AuditEntry entry = recorder.record(event("basic"));

        assertThat(entry.actor()).isEqualTo("platform/op-1");
        assertThat(entry.requestId()).isEqualTo("req-7");
        assertThat(entry.tenantId()).isEqualTo(ACME);
        assertThat(trail.entries(ACME)).containsExactly(entry);
    }

    @Test
    void chainsOntoAnEntryAnotherWriterAppendedMeanwhile() {
        recorder.record(event("basic"));
        List<Long> tried = new ArrayList<>();

        AuditEntry entry = recorder.record(event("premium"), candidate -> {
            tried.add(candidate.seq());
            if (tried.size() == 1) {
                // another instance appends first: this candidate's place is taken
                trail.append(ACME, AuditChain.next(trail.last(ACME).orElseThrow(),
                        new AuditEvent(ACME, "x/y", "api_key.created", "k", Map.of(), Map.of(), "r"),
                        Instant.parse("2026-12-03T10:00:01Z")));
            }
            trail.append(ACME, candidate);
        });

        assertThat(tried).containsExactly(2L, 3L);
        assertThat(entry.seq()).isEqualTo(3);
        assertThat(AuditChain.verify(ACME, trail.entries(ACME)).intact()).isTrue();
    }

    @Test
    void givesUpWith503AfterFiveTakenPlacesWithoutWritingAnything() {
        List<Long> tried = new ArrayList<>();

        assertThatThrownBy(() -> recorder.record(event("basic"), candidate -> {
            tried.add(candidate.seq());
            throw new AuditConflictException("taken", new IllegalStateException());
        })).isInstanceOf(UnavailableException.class);

        assertThat(tried).hasSize(AuditRecorder.ATTEMPTS);
        assertThat(trail.entries(ACME)).isEmpty();
    }
}
