package io.tenantchat.api.profile.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.RefusalException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.profile.domain.ProfileBounds;
import io.tenantchat.api.profile.domain.ProfileField;
import io.tenantchat.api.profile.domain.ProfileSettings;
import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.api.support.InMemoryTenantProfiles;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProfileServiceTests {

    static final String MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    static final Caller ADMIN = new Caller(TenantId.of("tenant-001"), UserId.of("ada"), Set.of(Caller.TENANT_ADMIN));
    static final Caller MEMBER = new Caller(TenantId.of("tenant-001"), UserId.of("max"), Set.of());
    static final Caller OTHER_ADMIN = new Caller(TenantId.of("tenant-002"), UserId.of("oz"),
            Set.of(Caller.TENANT_ADMIN));
    static final Caller OPERATOR = new Caller(TenantId.of("ops"), UserId.of("op"), Set.of(Caller.PLATFORM_OPERATOR));

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    final InMemoryTenantProfiles store = new InMemoryTenantProfiles();
    final List<TenantId> announced = new CopyOnWriteArrayList<>();
    final ProfileService service = service(ProfileField.ALL);

    ProfileService service(Set<String> honoured) {
        return new ProfileService(store, new ProfileBounds(List.of(MODEL), 2048, "bedrock", honoured), CLOCK,
                store.audit().recorder(CLOCK), announced::add);
    }

    @Test
    void tenantWithoutProfileReadsVersionZeroWithEverySettingUnset() {
        TenantProfile profile = service.profile(MEMBER, "tenant-001");

        assertThat(profile.version()).isZero();
        assertThat(profile.settings()).isEqualTo(ProfileSettings.NONE);
    }

    @Test
    void tenantAdminSavesAProfileThatMembersRead() {
        service.replace(ADMIN, replace(new ProfileSettings("Answer as a pirate.", MODEL, 512, 0.2, "gr1abc", "3",
                10, 5_000, 30), null));

        TenantProfile read = service.profile(MEMBER, "tenant-001");
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.settings().systemPrompt()).isEqualTo("Answer as a pirate.");
        assertThat(read.settings().model()).isEqualTo(MODEL);
        assertThat(read.updatedBy()).isEqualTo("ada");
        assertThat(read.settings().retentionDays()).isEqualTo(30);
    }

    @Test
    void retentionDaysIsZeroForeverOrOneToTenYears() {
        service.replace(ADMIN, replace(retention(0), null));
        service.replace(ADMIN, replace(retention(1), null));
        service.replace(ADMIN, replace(retention(3650), null));

        assertThat(code(() -> service.replace(ADMIN, replace(retention(-1), null)))).isEqualTo("invalid_retention_days");
        assertThat(code(() -> service.replace(ADMIN, replace(retention(3651), null)))).isEqualTo("invalid_retention_days");
        assertThat(store.find(TenantId.of("tenant-001")).orElseThrow().settings().retentionDays()).isEqualTo(3650);
    }

    @Test
    void retentionIsTakenWhateverTheModelProviderHonours() {
        ProfileService agent = service(Set.of());

        agent.replace(ADMIN, replace(retention(7), null));

        assertThat(store.find(TenantId.of("tenant-001")).orElseThrow().settings().retentionDays()).isEqualTo(7);
    }

    @Test
    void eachSaveAppendsProfileChangedWithTheSettingsBeforeAndAfterAndIsAnnounced() {
        service.replace(ADMIN, replace(prompt("one"), null));
        service.replace(OPERATOR, replace(retention(14), 1L));

        List<AuditEntry> entries = store.audit().entries(TenantId.of("tenant-001"));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("profile.changed", "profile.changed");
        AuditEntry second = entries.get(1);
        assertThat(second.target()).isEqualTo("profile");
        assertThat(second.actor()).isEqualTo("ops/op");
        assertThat(second.before()).isEqualTo(Map.of("system_prompt", "one"));
        assertThat(second.after()).isEqualTo(Map.of("retention_days", "14"));
        assertThat(entries.get(0).before()).isEmpty();
        assertThat(announced).containsExactly(TenantId.of("tenant-001"), TenantId.of("tenant-001"));
    }

    @Test
    void aRefusedSaveAppendsNothingAndAnnouncesNothing() {
        service.replace(ADMIN, replace(prompt("one"), null));

        assertThatThrownBy(() -> service.replace(ADMIN, replace(prompt("stale"), 0L)))
                .isInstanceOf(ConflictException.class);
        assertThat(code(() -> service.replace(ADMIN, replace(retention(-5), null)))).isEqualTo("invalid_retention_days");
        assertThatThrownBy(() -> service.replace(MEMBER, replace(prompt("x"), null)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(store.audit().entries(TenantId.of("tenant-001"))).hasSize(1);
        assertThat(announced).hasSize(1);
    }

    @Test
    void aSaveLosingTheRaceAfterItsVersionCheckAppendsNothing() {
        service.replace(ADMIN, replace(prompt("one"), null));
        InMemoryTenantProfiles racing = new InMemoryTenantProfiles(store.audit()) {
            @Override
            public java.util.Optional<TenantProfile> find(TenantId tenantId) {
                return store.find(tenantId).map(p -> new TenantProfile(p.tenantId(), 0, p.settings(), null, null));
            }

            @Override
            public synchronized boolean save(TenantProfile profile, AuditEntry entry) {
                return store.save(profile, entry); // version 1 again: the stored one is already 1
            }
        };
        ProfileService loser = new ProfileService(racing, new ProfileBounds(List.of(MODEL), 2048, "bedrock",
                ProfileField.ALL), CLOCK, store.audit().recorder(CLOCK), announced::add);

        assertThatThrownBy(() -> loser.replace(ADMIN, replace(prompt("late"), null)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.audit().entries(TenantId.of("tenant-001"))).hasSize(1);
        assertThat(announced).hasSize(1);
    }

    @Test
    void eachSaveRaisesTheVersionAndAStaleVersionIsAConflict() {
        service.replace(ADMIN, replace(prompt("one"), 0L));
        service.replace(OPERATOR, replace(prompt("two"), 1L));

        assertThatThrownBy(() -> service.replace(ADMIN, replace(prompt("three"), 1L)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 2");
        assertThat(service.profile(MEMBER, "tenant-001").settings().systemPrompt()).isEqualTo("two");
    }

    @Test
    void memberMayNotChangeTheProfile() {
        assertThatThrownBy(() -> service.replace(MEMBER, replace(prompt("x"), null)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void tenantAdminOfAnotherTenantMayNeitherReadNorChangeIt() {
        assertThatThrownBy(() -> service.profile(OTHER_ADMIN, "tenant-001")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.replace(OTHER_ADMIN, replace(prompt("x"), null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(store.find(TenantId.of("tenant-001"))).isEmpty();
    }

    @Test
    void platformOperatorReadsAndChangesAnyTenantsProfile() {
        service.replace(OPERATOR, replace(prompt("set by the operator"), null));

        assertThat(service.profile(OPERATOR, "tenant-001").settings().systemPrompt()).isEqualTo("set by the operator");
    }

    @Test
    void refusesAPromptOverEightKilobytesCountedInUtf8() {
        String fits = "a".repeat(8 * 1024);
        String tooLong = "é".repeat(4 * 1024 + 1);

        service.replace(ADMIN, replace(prompt(fits), null));
        assertThat(code(() -> service.replace(ADMIN, replace(prompt(tooLong), null)))).isEqualTo("system_prompt_too_long");
    }

    @Test
    void refusesAModelOutsideTheAllowlist() {
        assertThat(code(() -> service.replace(ADMIN, replace(new ProfileSettings(null, "anthropic.claude-v2", null,
                null, null, null, null, null, null), null)))).isEqualTo("model_not_allowed");
    }

    @Test
    void refusesOutOfBoundsNumbersAndAHalfGuardrail() {
        assertThat(code(() -> service.replace(ADMIN, replace(settings(4096, null, null, null), null))))
                .isEqualTo("invalid_max_output_tokens");
        assertThat(code(() -> service.replace(ADMIN, replace(settings(null, 1.5, null, null), null))))
                .isEqualTo("invalid_temperature");
        assertThat(code(() -> service.replace(ADMIN, replace(settings(null, null, "gr1abc", null), null))))
                .isEqualTo("guardrail_incomplete");
        assertThat(code(() -> service.replace(ADMIN, replace(settings(null, null, "Bad Id!", "1"), null))))
                .isEqualTo("invalid_guardrail");
        assertThat(store.find(TenantId.of("tenant-001"))).isEmpty();
    }

    @Test
    void refusesASettingTheConfiguredProviderCannotApply() {
        ProfileService openAi = service(Set.of(ProfileField.SYSTEM_PROMPT, ProfileField.MODEL,
                ProfileField.MAX_OUTPUT_TOKENS, ProfileField.TEMPERATURE, ProfileField.HISTORY));

        assertThatThrownBy(() -> openAi.replace(ADMIN, replace(settings(null, null, "gr1abc", "1"), null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot apply guardrail");
        openAi.replace(ADMIN, replace(prompt("fine"), null));
    }

    static ReplaceProfile replace(ProfileSettings settings, Long version) {
        return new ReplaceProfile("tenant-001", settings, version);
    }

    static ProfileSettings prompt(String prompt) {
        return new ProfileSettings(prompt, null, null, null, null, null, null, null, null);
    }

    static ProfileSettings retention(Integer days) {
        return new ProfileSettings(null, null, null, null, null, null, null, null, days);
    }

    static ProfileSettings settings(Integer maxTokens, Double temperature, String guardrailId, String guardrailVersion) {
        return new ProfileSettings(null, null, maxTokens, temperature, guardrailId, guardrailVersion, null, null,
                null);
    }

    static String code(Runnable call) {
        try {
            call.run();
        } catch (RefusalException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }
}
