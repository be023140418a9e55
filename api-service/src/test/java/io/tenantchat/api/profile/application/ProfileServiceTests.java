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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileServiceTests {

    static final String MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    static final Caller ADMIN = new Caller(TenantId.of("tenant-001"), UserId.of("ada"), Set.of(Caller.TENANT_ADMIN));
    static final Caller MEMBER = new Caller(TenantId.of("tenant-001"), UserId.of("max"), Set.of());
    static final Caller OTHER_ADMIN = new Caller(TenantId.of("tenant-002"), UserId.of("oz"),
            Set.of(Caller.TENANT_ADMIN));
    static final Caller OPERATOR = new Caller(TenantId.of("ops"), UserId.of("op"), Set.of(Caller.PLATFORM_OPERATOR));

    final InMemoryTenantProfiles store = new InMemoryTenantProfiles();
    final ProfileService service = service(ProfileField.ALL);

    ProfileService service(Set<String> honoured) {
        return new ProfileService(store, new ProfileBounds(List.of(MODEL), 2048, "bedrock", honoured),
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
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
                10, 5_000), null));

        TenantProfile read = service.profile(MEMBER, "tenant-001");
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.settings().systemPrompt()).isEqualTo("Answer as a pirate.");
        assertThat(read.settings().model()).isEqualTo(MODEL);
        assertThat(read.updatedBy()).isEqualTo("ada");
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
                null, null, null, null, null), null)))).isEqualTo("model_not_allowed");
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
        return new ProfileSettings(prompt, null, null, null, null, null, null, null);
    }

    static ProfileSettings settings(Integer maxTokens, Double temperature, String guardrailId, String guardrailVersion) {
        return new ProfileSettings(null, null, maxTokens, temperature, guardrailId, guardrailVersion, null, null);
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
