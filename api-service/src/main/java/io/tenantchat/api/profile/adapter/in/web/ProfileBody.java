package io.tenantchat.api.profile.adapter.in.web;

import io.tenantchat.api.profile.domain.ProfileSettings;
import org.jspecify.annotations.Nullable;

/** The PUT body: the whole profile (a setting left out is the deployment's) and the version it replaces. */
record ProfileBody(@Nullable String systemPrompt, @Nullable String model, @Nullable Integer maxOutputTokens,
        @Nullable Double temperature, @Nullable String guardrailId, @Nullable String guardrailVersion,
        @Nullable Integer historyMaxTurns, @Nullable Integer historyMaxChars, @Nullable Integer retentionDays,
        @Nullable Long version) {

    ProfileSettings settings() {
        return new ProfileSettings(systemPrompt, model, maxOutputTokens, temperature, guardrailId, guardrailVersion,
                historyMaxTurns, historyMaxChars, retentionDays);
    }
}
