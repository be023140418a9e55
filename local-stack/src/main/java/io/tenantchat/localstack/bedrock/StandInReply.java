package io.tenantchat.localstack.bedrock;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The stand-in's deterministic, clearly labelled answer, cut to {@code maxTokens}. One whitespace-separated word
 * counts as one token.
 */
record StandInReply(List<String> tokens, String stopReason, int inputTokens) {

    static final String LABEL = "[bedrock stand-in]";

    private static final int ECHO_LIMIT = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    StandInReply {
        tokens = List.copyOf(tokens);
    }

    static StandInReply to(ConverseRequest request) {
        List<String> words = List.of(WHITESPACE.split(fullText(request).strip()));
        int limit = Math.min(words.size(), request.maxTokens());
        String stopReason = limit < words.size() ? "max_tokens" : "end_turn";
        return new StandInReply(words.subList(0, limit), stopReason, request.inputTokens());
    }

    String text() {
        return String.join(" ", tokens);
    }

    /** Delta {@code index}: its word, after a space unless it is the first, so deltas add up to {@link #text()}. */
    String delta(int index) {
        return index == 0 ? tokens.get(0) : " " + tokens.get(index);
    }

    int outputTokens() {
        return tokens.size();
    }

    private static String fullText(ConverseRequest request) {
        return LABEL + tenant(request.tenant()) + " You said: " + echo(request.lastUserText())
                + " This deterministic reply comes from the local Bedrock stand-in for model " + request.modelId()
                + ", not from a real model, so it repeats what it was told and counts one word as one token.";
    }

    private static String tenant(String tenant) {
        return tenant.isEmpty() ? "" : " (tenant " + tenant + ")";
    }

    private static String echo(String text) {
        String oneLine = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        String echo = oneLine.length() <= ECHO_LIMIT ? oneLine : oneLine.substring(0, ECHO_LIMIT);
        return echo.matches(".*[.!?]") ? echo : echo + ".";
    }
}
