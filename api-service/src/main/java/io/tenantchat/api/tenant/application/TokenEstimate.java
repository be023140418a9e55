package io.tenantchat.api.tenant.application;

/**
 * The tokens reserved for one message: the model's output cap ({@code maxOutputTokens}) plus the message's
 * characters divided by {@code charsPerToken} (rounded up), plus {@code historyTokens} for the conversation sent
 * along with it.
 */
public record TokenEstimate(int maxOutputTokens, int charsPerToken, int historyTokens) {

    public TokenEstimate {
        if (maxOutputTokens < 1 || charsPerToken < 1 || historyTokens < 0) {
            throw new IllegalArgumentException("invalid token estimate");
        }
    }

    public long reserve(int messageChars) {
        return maxOutputTokens + (messageChars + charsPerToken - 1L) / charsPerToken + historyTokens;
    }
}
