package io.tenantchat.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTests {

    static final TenantId ACME = TenantId.of("acme");
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00.123Z");

    static AuditEvent event(TenantId tenant, int n) {
        return new AuditEvent(tenant, "platform/op-1", "plan.changed", "plan", Map.of("tier", "basic"),
                Map.of("tier", "premium", "n", Integer.toString(n)), "req-" + n);
    }

    static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        AuditEntry last = null;
        for (int i = 1; i <= length; i++) {
            last = AuditChain.next(last, event(ACME, i), T0.plusSeconds(i));
            entries.add(last);
        }
        return entries;
    }

    static AuditEntry withAfter(AuditEntry e, Map<String, String> after) {
        return new AuditEntry(e.tenantId(), e.seq(), e.actor(), e.action(), e.target(), e.before(), after, e.at(),
                e.requestId(), e.prevHash(), e.hash());
    }

    @Test
    void linksEachEntryToTheOneBeforeFromGenesis() {
        List<AuditEntry> entries = chain(3);

        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries.get(0).hash()).hasSize(64).isNotEqualTo(entries.get(1).hash());
    }

    @Test
    void acceptsAnUntouchedChainAndReportsItsHead() {
        List<AuditEntry> entries = chain(5);

        AuditVerification result = AuditChain.verify(ACME, entries);

        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(entries.get(4).hash());
    }

    @Test
    void acceptsAnEmptyChain() {
        assertThat(AuditChain.verify(ACME, List.of())).isEqualTo(AuditVerification.ok(0, AuditChain.GENESIS));
    }

    @Test
    void detectsAModifiedEntry() {
        List<AuditEntry> entries = new ArrayList<>(chain(4));
        entries.set(2, withAfter(entries.get(2), Map.of("tier", "open")));

        AuditVerification result = AuditChain.verify(ACME, entries);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(3L);
        assertThat(result.problem()).isEqualTo("modified");
        assertThat(result.entries()).isEqualTo(2);
    }

    @Test
    void detectsAModifiedTimeActorOrRequestId() {
        AuditEntry e = chain(1).getFirst();
        List<AuditEntry> edits = List.of(
                new AuditEntry(e.tenantId(), 1, "platform/someone-else", e.action(), e.target(), e.before(),
                        e.after(), e.at(), e.requestId(), e.prevHash(), e.hash()),
                new AuditEntry(e.tenantId(), 1, e.actor(), e.action(), e.target(), e.before(), e.after(),
                        e.at().plusMillis(1), e.requestId(), e.prevHash(), e.hash()),
                new AuditEntry(e.tenantId(), 1, e.actor(), e.action(), e.target(), e.before(), e.after(), e.at(),
                        "req-other", e.prevHash(), e.hash()),
                new AuditEntry(e.tenantId(), 1, e.actor(), e.action(), e.target(), Map.of(), e.after(), e.at(),
                        e.requestId(), e.prevHash(), e.hash()));

        assertThat(edits).allSatisfy(edited ->
                assertThat(AuditChain.verify(ACME, List.of(edited)).problem()).isEqualTo("modified"));
    }

    @Test
    void detectsAGap() {
        List<AuditEntry> entries = new ArrayList<>(chain(4));
        entries.remove(1);

        AuditVerification result = AuditChain.verify(ACME, entries);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("gap");
    }

    @Test
    void detectsAnEntryRehashedAfterItsPredecessorWasReplaced() {
        List<AuditEntry> entries = new ArrayList<>(chain(3));
        // entry 2 replaced by a self-consistent forgery: its own hash is right, entry 3 no longer links to it
        AuditEntry forged = AuditChain.next(entries.get(0), event(ACME, 99), T0);
        entries.set(1, forged);

        AuditVerification result = AuditChain.verify(ACME, entries);

        assertThat(result.problem()).isEqualTo("relinked");
        assertThat(result.brokenAt()).isEqualTo(3L);
    }

    @Test
    void detectsAnotherTenantsEntry() {
        AuditEntry foreign = AuditChain.next(null, event(TenantId.of("globex"), 1), T0);

        assertThat(AuditChain.verify(ACME, List.of(foreign)).problem()).isEqualTo("foreign_tenant");
    }

    @Test
    void refusesToChainAnEventOntoAnotherTenantsEntry() {
        AuditEntry acme = chain(1).getFirst();

        assertThatThrownBy(() -> AuditChain.next(acme, event(TenantId.of("globex"), 2), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsMapsOutOfEachOthersFields() {
        // length prefixes: moving text between a key and its value changes the hash
        AuditEvent a = new AuditEvent(ACME, "a/b", "plan.changed", "plan", Map.of("ab", "c"), Map.of(), "r");
        AuditEvent b = new AuditEvent(ACME, "a/b", "plan.changed", "plan", Map.of("a", "bc"), Map.of(), "r");

        assertThat(AuditChain.next(null, a, T0).hash()).isNotEqualTo(AuditChain.next(null, b, T0).hash());
    }

    @Test
    void refusesAnInvalidAction() {
        assertThatThrownBy(() -> new AuditEvent(ACME, "a/b", "Drop Table", "x", Map.of(), Map.of(), "r"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
