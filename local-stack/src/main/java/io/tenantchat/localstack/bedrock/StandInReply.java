package io.tenantchat.localstack.bedrock;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The stand-in's deterministic, clearly labelled answer, cut to {@code maxTokens}. One whitespace-separated word
 * counts as one token.
 */
record StandInReply(List<String> tokens, String stopReason, int inputTokens, int cacheReadInputTokens,
        int cacheWriteInputTokens) {

    static final String LABEL = "[bedrock stand-in]";
    /** What the stand-in's guardrail answers, as a Bedrock guardrail's blocked messaging would. */
    static final String GUARDRAIL_MESSAGE = "[bedrock stand-in guardrail] Sorry, the model cannot answer this.";

    private static final int ECHO_LIMIT = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    StandInReply {
        tokens = List.copyOf(tokens);
    }

    static StandInReply to(ConverseRequest request) {
        return to(request, PromptCache.Use.NONE);
    }

    /**
     * The reply, with the prompt's tokens split as Bedrock reports them: read from the cache, written to it, and
     * the rest ({@code inputTokens}).
     */
    static StandInReply to(ConverseRequest request, PromptCache.Use cache) {
        return to(request, cache, null);
    }

    /**
     * As {@link #to(ConverseRequest, PromptCache.Use)}; with a guardrail in the request and {@code blockedWord} in
     * the last user text (input) or in the reply (output), the guardrail's message instead, stop reason
     * {@code guardrail_intervened}, as Bedrock answers.
     */
    static StandInReply to(ConverseRequest request, PromptCache.Use cache, String blockedWord) {
        String full = fullText(request);
        boolean guarded = request.received().guardrailId() != null && blockedWord != null && !blockedWord.isBlank();
        boolean blocked = guarded && (contains(request.lastUserText(), blockedWord) || contains(full, blockedWord));
        List<String> words = List.of(WHITESPACE.split((blocked ? GUARDRAIL_MESSAGE : full).strip()));
        int limit = Math.min(words.size(), request.maxTokens());
        String stopReason = blocked ? "guardrail_intervened" : limit < words.size() ? "max_tokens" : "end_turn";
        return new StandInReply(words.subList(0, limit), stopReason,
                request.inputTokens() - cache.readTokens() - cache.writeTokens(), cache.readTokens(),
                cache.writeTokens());
    }

    private static boolean contains(String text, String word) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT));
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
