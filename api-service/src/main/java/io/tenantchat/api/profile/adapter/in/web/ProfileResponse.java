package io.tenantchat.api.profile.adapter.in.web;

import io.tenantchat.api.profile.domain.ProfileBounds;
import io.tenantchat.api.profile.domain.ProfileSettings;
import io.tenantchat.api.profile.domain.TenantProfile;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A tenant's profile and what this deployment lets it choose ({@code allowed_models}, the output ceiling). */
record ProfileResponse(String tenantId, long version, @Nullable String systemPrompt, @Nullable String model,
        @Nullable Integer maxOutputTokens, @Nullable Double temperature, @Nullable String guardrailId,
        @Nullable String guardrailVersion, @Nullable Integer historyMaxTurns, @Nullable Integer historyMaxChars,
        @Nullable Integer retentionDays, @Nullable Instant updatedAt, @Nullable String updatedBy,
        List<String> allowedModels, int maxOutputTokensLimit, List<String> honoured) {

    static ProfileResponse of(TenantProfile p, ProfileBounds bounds) {
        ProfileSettings s = p.settings();
        return new ProfileResponse(p.tenantId().value(), p.version(), s.systemPrompt(), s.model(),
                s.maxOutputTokens(), s.temperature(), s.guardrailId(), s.guardrailVersion(), s.historyMaxTurns(),
                s.historyMaxChars(), s.retentionDays(), p.updatedAt(), p.updatedBy(), bounds.allowedModels(),
                bounds.maxOutputTokens(), bounds.honoured().stream().sorted().toList());
    }
}
