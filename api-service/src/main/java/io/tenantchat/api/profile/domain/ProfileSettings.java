package io.tenantchat.api.profile.domain;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a tenant profile, each null when the deployment's applies. Checked by {@link ProfileBounds}.
 *
 * @param systemPrompt the instructions the model gets before the conversation (at most {@link ProfileBounds#MAX_PROMPT_BYTES})
 * @param model a model id, inference profile id or ARN from the operator's allowlist
 * @param maxOutputTokens upper bound of reply tokens
 * @param temperature sampling temperature, 0 to 1
 * @param guardrailId Bedrock guardrail id or ARN, set together with {@code guardrailVersion}
 * @param guardrailVersion the guardrail's version ({@code DRAFT} or a number)
 * @param historyMaxTurns at most this many earlier turns reach the model
 * @param historyMaxChars at most this many characters of earlier turns reach the model
 * @param retentionDays how many days the tenant's conversations are kept (0: forever), instead of its tier's
 *     default; not a model setting, so every model provider takes it
 */
public record ProfileSettings(@Nullable String systemPrompt, @Nullable String model, @Nullable Integer maxOutputTokens,
        @Nullable Double temperature, @Nullable String guardrailId, @Nullable String guardrailVersion,
        @Nullable Integer historyMaxTurns, @Nullable Integer historyMaxChars, @Nullable Integer retentionDays) {

    public static final ProfileSettings NONE = new ProfileSettings(null, null, null, null, null, null, null, null,
            null);

    /** The wire names of the model settings that are set, in declaration order (retention is none). */
    public Set<String> chosen() {
        Set<String> chosen = new LinkedHashSet<>();
        add(chosen, systemPrompt, ProfileField.SYSTEM_PROMPT);
        add(chosen, model, ProfileField.MODEL);
        add(chosen, maxOutputTokens, ProfileField.MAX_OUTPUT_TOKENS);
        add(chosen, temperature, ProfileField.TEMPERATURE);
        add(chosen, guardrailId, ProfileField.GUARDRAIL);
        add(chosen, guardrailVersion, ProfileField.GUARDRAIL);
        add(chosen, historyMaxTurns, ProfileField.HISTORY);
        add(chosen, historyMaxChars, ProfileField.HISTORY);
        return chosen;
    }

    /** The settings that are set by their wire names, as an audit entry records them. */
    public Map<String, String> attributes() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "system_prompt", systemPrompt);
        put(values, "model", model);
        put(values, "max_output_tokens", maxOutputTokens);
        put(values, "temperature", temperature);
        put(values, "guardrail_id", guardrailId);
        put(values, "guardrail_version", guardrailVersion);
        put(values, "history_max_turns", historyMaxTurns);
        put(values, "history_max_chars", historyMaxChars);
        put(values, "retention_days", retentionDays);
        return values;
    }

    private static void put(Map<String, String> values, String name, @Nullable Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }

    private static void add(Set<String> chosen, @Nullable Object value, String field) {
        if (value != null) {
            chosen.add(field);
        }
    }
}
