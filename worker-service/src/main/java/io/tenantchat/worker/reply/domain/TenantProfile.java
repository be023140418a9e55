package io.tenantchat.worker.reply.domain;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's profile as the api-service saved it (docs/adr/007-tenant-profile.md); each null setting is the
 * deployment's.
 *
 * @param version the profile's save count (0: never saved), logged with every reply that used it
 * @param model the profile's model, else the plan's {@code model_override}, else null
 */
public record TenantProfile(long version, @Nullable String systemPrompt, @Nullable String model,
        @Nullable Integer maxOutputTokens, @Nullable Float temperature, @Nullable Guardrail guardrail,
        @Nullable Integer historyMaxTurns, @Nullable Integer historyMaxChars) {

    /** The profile of a tenant that has none: the deployment's settings throughout. */
    public static final TenantProfile NONE = new TenantProfile(0, null, null, null, null, null, null, null);

    /** The wire names of the settings this profile sets (as the api-service names them). */
    public Set<String> chosen() {
        Set<String> chosen = new LinkedHashSet<>();
        add(chosen, systemPrompt, ModelSettings.SYSTEM_PROMPT);
        add(chosen, model, ModelSettings.MODEL);
        add(chosen, maxOutputTokens, ModelSettings.MAX_OUTPUT_TOKENS);
        add(chosen, temperature, ModelSettings.TEMPERATURE);
        add(chosen, guardrail, ModelSettings.GUARDRAIL);
        add(chosen, historyMaxTurns, ModelSettings.HISTORY);
        add(chosen, historyMaxChars, ModelSettings.HISTORY);
        return chosen;
    }

    /** The history budget: the profile's bounds where it sets them, the deployment's otherwise. */
    public HistoryBudget history(HistoryBudget deployment) {
        return new HistoryBudget(historyMaxTurns == null ? deployment.maxTurns() : historyMaxTurns,
                historyMaxChars == null ? deployment.maxChars() : historyMaxChars);
    }

    /** What the model call takes from this profile, on top of the deployment's {@code maxTokens}. */
    public ModelSettings modelSettings(int defaultMaxTokens) {
        return new ModelSettings(maxOutputTokens == null ? defaultMaxTokens : maxOutputTokens, model, temperature,
                guardrail, chosen());
    }

    private static void add(Set<String> chosen, @Nullable Object value, String name) {
        if (value != null) {
            chosen.add(name);
        }
    }
}
