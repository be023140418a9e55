package io.tenantchat.api.profile.domain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a deployment lets a tenant choose: the operator's model allowlist, the output ceiling, and the settings its
 * model provider can honour ({@link ProfileField}). {@link #check} names the first setting out of bounds.
 *
 * @param allowedModels model ids, inference profile ids or ARNs a profile may name ({@code tenantchat.models.allowed})
 * @param maxOutputTokens the largest {@code max_output_tokens} a profile may ask for
 * @param provider the worker's model provider, for messages
 * @param honoured the settings that provider applies to every reply
 */
public record ProfileBounds(List<String> allowedModels, int maxOutputTokens, String provider, Set<String> honoured) {

    public static final int MAX_PROMPT_BYTES = 8 * 1024;
    public static final int MAX_HISTORY_TURNS = 1_000;
    public static final int MAX_HISTORY_CHARS = 1_000_000;
    /** The longest retention a profile may choose, in days (ten years); 0 keeps conversations forever. */
    public static final int MAX_RETENTION_DAYS = 3_650;

    private static final Pattern GUARDRAIL_ID = Pattern.compile(
            "[a-z0-9]{1,64}|arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]{1,64}");
    private static final Pattern GUARDRAIL_VERSION = Pattern.compile("[1-9][0-9]{0,7}|DRAFT");

    public ProfileBounds {
        allowedModels = List.copyOf(allowedModels);
        Objects.requireNonNull(provider, "provider");
        honoured = Set.copyOf(honoured);
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
    }

    /** A setting out of bounds: a stable code and a sentence for the caller. */
    public record Violation(String code, String message) {
    }

    /** The first reason {@code settings} cannot be saved, or empty when they can. */
    public Optional<Violation> check(ProfileSettings s) {
        return unsupported(s)
                .or(() -> prompt(s.systemPrompt()))
                .or(() -> model(s.model()))
                .or(() -> maxTokens(s.maxOutputTokens()))
                .or(() -> temperature(s.temperature()))
                .or(() -> guardrail(s.guardrailId(), s.guardrailVersion()))
                .or(() -> history(s.historyMaxTurns(), s.historyMaxChars()))
                .or(() -> retention(s.retentionDays()));
    }

    private static Optional<Violation> retention(@Nullable Integer days) {
        return days != null && (days < 0 || days > MAX_RETENTION_DAYS)
                ? violation("invalid_retention_days", "retention_days must be 0 (keep forever) or 1 to "
                        + MAX_RETENTION_DAYS) : Optional.empty();
    }

    private Optional<Violation> maxTokens(@Nullable Integer tokens) {
        return tokens != null && (tokens < 1 || tokens > maxOutputTokens)
                ? violation("invalid_max_output_tokens", "max_output_tokens must be 1 to " + maxOutputTokens)
                : Optional.empty();
    }

    private static Optional<Violation> temperature(@Nullable Double temperature) {
        return temperature != null && !(temperature >= 0.0 && temperature <= 1.0)
                ? violation("invalid_temperature", "temperature must be 0 to 1") : Optional.empty();
    }

    private Optional<Violation> unsupported(ProfileSettings s) {
        Set<String> refused = new LinkedHashSet<>(s.chosen());
        refused.removeAll(honoured);
        return refused.isEmpty() ? Optional.empty() : violation("profile_not_supported",
                "the " + provider + " model provider of this deployment cannot apply " + String.join(", ", refused)
                        + "; it applies " + (honoured.isEmpty() ? "no profile setting" : String.join(", ",
                        honoured.stream().sorted().toList())));
    }

    private static Optional<Violation> prompt(@Nullable String prompt) {
        if (prompt == null) {
            return Optional.empty();
        }
        if (prompt.isBlank()) {
            return violation("invalid_system_prompt", "system_prompt must not be blank (leave it out for the default)");
        }
        int bytes = prompt.getBytes(StandardCharsets.UTF_8).length;
        return bytes > MAX_PROMPT_BYTES ? violation("system_prompt_too_long",
                "system_prompt is " + bytes + " bytes; at most " + MAX_PROMPT_BYTES + " bytes (UTF-8)")
                : Optional.empty();
    }

    private Optional<Violation> model(@Nullable String model) {
        if (model == null || allowedModels.contains(model)) {
            return Optional.empty();
        }
        return violation("model_not_allowed", allowedModels.isEmpty()
                ? "this deployment offers no model choice (tenantchat.models.allowed is empty)"
                : "model must be one of " + allowedModels);
    }

    private static Optional<Violation> guardrail(@Nullable String id, @Nullable String version) {
        if (id == null && version == null) {
            return Optional.empty();
        }
        if (id == null || version == null) {
            return violation("guardrail_incomplete", "guardrail_id and guardrail_version are set together");
        }
        if (!GUARDRAIL_ID.matcher(id).matches() || !GUARDRAIL_VERSION.matcher(version).matches()) {
            return violation("invalid_guardrail",
                    "guardrail_id must be a Bedrock guardrail id or ARN, guardrail_version DRAFT or a number");
        }
        return Optional.empty();
    }

    private static Optional<Violation> history(@Nullable Integer turns, @Nullable Integer chars) {
        if (turns != null && (turns < 1 || turns > MAX_HISTORY_TURNS)) {
            return violation("invalid_history", "history_max_turns must be 1 to " + MAX_HISTORY_TURNS);
        }
        if (chars != null && (chars < 1 || chars > MAX_HISTORY_CHARS)) {
            return violation("invalid_history", "history_max_chars must be 1 to " + MAX_HISTORY_CHARS);
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String code, String message) {
        return Optional.of(new Violation(code, message));
    }
}
