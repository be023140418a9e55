package io.tenantchat.api.profile.domain;

import java.util.Set;

/** The groups of profile settings a model provider may or may not honour, by their wire names. */
public final class ProfileField {

    public static final String SYSTEM_PROMPT = "system_prompt";
    public static final String MODEL = "model";
    public static final String MAX_OUTPUT_TOKENS = "max_output_tokens";
    public static final String TEMPERATURE = "temperature";
    public static final String GUARDRAIL = "guardrail";
    public static final String HISTORY = "history";

    public static final Set<String> ALL = Set.of(SYSTEM_PROMPT, MODEL, MAX_OUTPUT_TOKENS, TEMPERATURE, GUARDRAIL,
            HISTORY);

    private ProfileField() {
    }
}
