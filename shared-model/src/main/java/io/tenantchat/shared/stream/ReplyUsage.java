package io.tenantchat.shared.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Token counts of a reply; a count is {@code null} when the provider did not report it (unknown, not zero). */
public record ReplyUsage(
        @JsonProperty("input_tokens") @Nullable Integer inputTokens,
        @JsonProperty("output_tokens") @Nullable Integer outputTokens) {

    public ReplyUsage {
        if ((inputTokens != null && inputTokens < 0) || (outputTokens != null && outputTokens < 0)) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }
}
