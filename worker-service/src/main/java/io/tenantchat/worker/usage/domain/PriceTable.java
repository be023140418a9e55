package io.tenantchat.worker.usage.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Configured prices by model id. Inference-profile ids ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}
 * prefixes) and ARNs fall back to the plain model id's price.
 */
public record PriceTable(Map<String, ModelPrice> prices) {

    public PriceTable {
        prices = Map.copyOf(prices);
    }

    /** The cost of a call, or empty when its usage or its model's price is unknown. */
    public Optional<BigDecimal> cost(String modelId, @Nullable Long inputTokens, @Nullable Long outputTokens) {
        if (inputTokens == null || outputTokens == null) {
            return Optional.empty();
        }
        return priceOf(modelId).map(price -> price.cost(inputTokens, outputTokens));
    }

    private Optional<ModelPrice> priceOf(String modelId) {
        String id = modelId.contains("/") ? modelId.substring(modelId.lastIndexOf('/') + 1) : modelId;
        ModelPrice exact = prices.get(id);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(prices.get(id.replaceFirst("^(us|eu|apac|global|us-gov)\\.", "")));
    }
}
