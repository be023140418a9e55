package io.tenantchat.worker.usage.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Configured prices by model id. A cross-region inference profile id ({@code us.}, {@code eu.}, {@code apac.},
 * {@code global.}, {@code us-gov.}, {@code jp.}, {@code au.}, {@code ca.} before a model id) and an ARN of a
 * foundation model or system inference profile fall back to the plain model id's price. An application inference
 * profile's ARN carries no model id: {@code inferenceProfiles} names the model (or system profile) each one copies,
 * so it is priced as that model.
 *
 * @param prices price by model id
 * @param inferenceProfiles the model id of each application inference profile, by its ARN (or id)
 */
public record PriceTable(Map<String, ModelPrice> prices, Map<String, String> inferenceProfiles) {

    private static final Pattern CROSS_REGION = Pattern.compile("^(us|eu|apac|global|us-gov|jp|au|ca)\\.");

    public PriceTable {
        prices = Map.copyOf(prices);
        inferenceProfiles = Map.copyOf(inferenceProfiles);
    }

    /** Prices of model ids only (no application inference profiles). */
    public PriceTable(Map<String, ModelPrice> prices) {
        this(prices, Map.of());
    }

    /** The cost of a call, or empty when its usage or its model's price is unknown. */
    public Optional<BigDecimal> cost(String modelId, @Nullable Long inputTokens, @Nullable Long outputTokens) {
        return cost(modelId, inputTokens, outputTokens, null, null);
    }

    /**
     * The cost of a call with its prompt-cache tokens (each null when not reported: none), or empty when its usage
     * or its model's price is unknown.
     */
    public Optional<BigDecimal> cost(String modelId, @Nullable Long inputTokens, @Nullable Long outputTokens,
            @Nullable Long cacheReadTokens, @Nullable Long cacheWriteTokens) {
        if (inputTokens == null || outputTokens == null) {
            return Optional.empty();
        }
        return priceOf(modelId).map(price -> price.cost(inputTokens, outputTokens,
                cacheReadTokens == null ? 0 : cacheReadTokens, cacheWriteTokens == null ? 0 : cacheWriteTokens));
    }

    /** Whether {@link #cost} knows the price of {@code modelId}. */
    public boolean isPriced(String modelId) {
        return priceOf(modelId).isPresent();
    }

    private Optional<ModelPrice> priceOf(String modelId) {
        String copied = inferenceProfiles.get(modelId);
        String id = copied != null ? copied : modelId;
        if (id.contains("/")) {
            id = id.substring(id.lastIndexOf('/') + 1);
        }
        ModelPrice exact = prices.get(id);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(prices.get(CROSS_REGION.matcher(id).replaceFirst("")));
    }
}
