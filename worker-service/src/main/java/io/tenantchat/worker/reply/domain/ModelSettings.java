package io.tenantchat.worker.reply.domain;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one model call is made: always a {@code maxTokens} bound; the tenant's model, temperature and guardrail
 * where its profile sets them (null: the deployment's). {@code profileFields} names every profile setting in force,
 * so that an adapter that cannot apply one of them fails the reply visibly instead of ignoring it.
 */
public record ModelSettings(int maxTokens, @Nullable String modelId, @Nullable Float temperature,
        @Nullable Guardrail guardrail, Set<String> profileFields) {

    public static final String SYSTEM_PROMPT = "system_prompt";
    public static final String MODEL = "model";
    public static final String MAX_OUTPUT_TOKENS = "max_output_tokens";
    public static final String TEMPERATURE = "temperature";
    public static final String GUARDRAIL = "guardrail";
    public static final String HISTORY = "history";

    public ModelSettings {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        profileFields = Set.copyOf(profileFields);
    }

    /** The deployment's settings only, with this output bound. */
    public static ModelSettings of(int maxTokens) {
        return new ModelSettings(maxTokens, null, null, null, Set.of());
    }

    /**
     * These settings with a {@code POST /v1/chat/completions} client's choices applied within them: the client's
     * model (one the api allowed for the tenant) and temperature replace these; its {@code max_tokens} only lowers
     * {@link #maxTokens()} (the profile's bound, else the deployment's), never raises it. The profile's guardrail and
     * {@link #profileFields()} stay.
     *
     * @param clientMaxTokens the client's {@code max_tokens}, or null
     */
    public ModelSettings withClient(ModelOptions client, @Nullable Integer clientMaxTokens) {
        String chosenModel = client.modelId();
        Double chosenTemperature = client.temperature();
        return new ModelSettings(clientMaxTokens == null ? maxTokens : Math.min(clientMaxTokens, maxTokens),
                chosenModel == null ? modelId : chosenModel,
                chosenTemperature == null ? temperature : Float.valueOf(chosenTemperature.floatValue()), guardrail,
                profileFields);
    }

    /**
     * Throws a permanent {@link ErrorCode#MODEL_REJECTED} failure when the profile sets something outside
     * {@code honoured}: the api-service refuses such a profile on save, so this only guards a deployment whose
     * {@code tenantchat.models.provider} does not name the worker's provider.
     */
    public void requireHonoured(Set<String> honoured, String provider) {
        Set<String> refused = new LinkedHashSet<>(profileFields);
        refused.removeAll(honoured);
        if (!refused.isEmpty()) {
            throw ChatModelException.permanent(ErrorCode.MODEL_REJECTED, "The tenant profile sets "
                    + String.join(", ", refused) + ", which the " + provider + " model provider cannot apply.", null);
        }
    }
}
