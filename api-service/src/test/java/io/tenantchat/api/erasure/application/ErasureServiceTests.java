package io.tenantchat.api.erasure.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.erasure.domain.ErasureJob;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.api.erasure.domain.JobStatus;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.support.SettableClock;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may start and read erasure jobs, one running job per subject, and the sweeper's takeovers. */
class ErasureServiceTests {

    static final TenantId TENANT = TenantId.of("tenant-a");

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    final InMemoryErasureJobs jobs = new InMemoryErasureJobs(clock, Duration.ofSeconds(60));
    final List<Runnable> submitted = new ArrayList<>();
    /** Never runs a job: each stays running, leased, until the test's clock passes its lease. */
    final ErasureService service = new ErasureService(jobs, jobs, null, submitted::add,
            new ErasureService.Settings("instance-1", 2, 25), () -> "req-1", clock);

    final Caller alice = caller(TENANT, "alice");
    final Caller bob = caller(TENANT, "bob");
    final Caller admin = caller(TENANT, "admin", Caller.TENANT_ADMIN);
    final Caller otherAdmin = caller(TenantId.of("tenant-b"), "admin", Caller.TENANT_ADMIN);
    final Caller operator = caller(TenantId.of("platform"), "operator", Caller.PLATFORM_OPERATOR);

    @Test
    void aUserErasesItselfAndATenantAdminAnyUserOfItsTenant() {
        assertThat(service.eraseUser(alice, "tenant-a", "alice").subject().user()).hasValue(UserId.of("alice"));
        assertThat(service.eraseUser(admin, "tenant-a", "bob").starterUser()).isEqualTo(UserId.of("admin"));
        assertThat(submitted).hasSize(2);
    }

    @Test
    void refusesAnotherMemberAnotherTenantAndMalformedIds() {
        assertThatThrownBy(() -> service.eraseUser(bob, "tenant-a", "alice")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.eraseUser(otherAdmin, "tenant-a", "alice")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.eraseUser(admin, "tenant#a", "alice")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.eraseUser(admin, "tenant-a", "al ice")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.offboard(admin, "tenant-a")).isInstanceOf(ForbiddenException.class);
        assertThat(submitted).isEmpty();
    }

    @Test
    void aSecondRequestWhileAJobRunsAnswersThatJobAndStartsNothing() {
        ErasureJob first = service.eraseUser(alice, "tenant-a", "alice");

        ErasureJob again = service.eraseUser(admin, "tenant-a", "alice");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(submitted).hasSize(1);
        assertThat(service.offboard(operator, "tenant-a").id()).as("another subject").isNotEqualTo(first.id());
    }

    @Test
    void aJobIsVisibleOnlyToTheCallerThatStartedIt() {
        ErasureJob mine = service.eraseUser(admin, "tenant-a", "bob");
        ErasureJob offboarding = service.offboard(operator, "tenant-a");

        assertThat(service.job(admin, mine.id().value()).id()).isEqualTo(mine.id());
        assertThat(service.job(operator, offboarding.id().value()).id()).isEqualTo(offboarding.id());
        for (Caller stranger : List.of(bob, alice, otherAdmin, operator)) {
            assertThatThrownBy(() -> service.job(stranger, mine.id().value())).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> service.job(admin, offboarding.id().value())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.job(admin, "not-a-job")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSweeperTakesOverOnlyExpiredLeasesAndFailsAJobAfterTooManyTakeovers() {
        ErasureJob job = service.eraseUser(alice, "tenant-a", "alice");
        service.sweep();
        assertThat(submitted).as("the lease still holds").hasSize(1);

        for (int takeover = 1; takeover <= 2; takeover++) {
            clock.advance(Duration.ofSeconds(61));
            service.sweep();
            assertThat(submitted).hasSize(1 + takeover);
        }
        clock.advance(Duration.ofSeconds(61));
        service.sweep();

        assertThat(submitted).hasSize(3);
        ErasureJob failed = jobs.job(job.id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.step()).isEqualTo(ErasureStep.SESSIONS);
        assertThat(service.eraseUser(alice, "tenant-a", "alice").id()).as("the subject is free again")
                .isNotEqualTo(job.id());
    }

    private static Caller caller(TenantId tenant, String user, String... groups) {
        return new Caller(tenant, UserId.of(user), Set.of(groups));
    }
}
