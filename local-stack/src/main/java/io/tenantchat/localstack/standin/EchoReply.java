package io.tenantchat.localstack.standin;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A stand-in's deterministic answer: its label, the tenant it was told about, an echo of the user's text and a
 * note that no real model answered, cut to {@code maxTokens}. One whitespace-separated word counts as one token.
 *
 * @param truncated whether {@code maxTokens} cut the reply short
 */
public record EchoReply(List<String> tokens, boolean truncated) {

    private static final int ECHO_LIMIT = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TENANT_LINE = Pattern.compile("(?im)^\\s*tenant\\s*:\\s*(\\S+)");

    public EchoReply {
        tokens = List.copyOf(tokens);
    }

    /**
     * @param label e.g. {@code [openai stand-in]}, always the first token
     * @param tenant the tenant the request carried, or null when it carried none
     * @param what what answered, e.g. {@code agent ABCDEFGHIJ}
     */
    public static EchoReply of(String label, String tenant, String userText, String what, int maxTokens) {
        String full = label + (tenant == null ? "" : " (tenant " + tenant + ")") + " You said: " + echo(userText)
                + " This deterministic reply comes from the local stand-in for " + what
                + ", not from a real model, so it repeats what it was told and counts one word as one token.";
        List<String> words = List.of(WHITESPACE.split(full.strip()));
        int limit = Math.min(words.size(), maxTokens);
        return new EchoReply(words.subList(0, limit), limit < words.size());
    }

    /** The value of a {@code tenant: X} line of a system prompt, or null. */
    public static String tenantLine(String systemText) {
        var matcher = TENANT_LINE.matcher(systemText);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Whitespace-separated words of {@code text}: the stand-ins' token count. */
    public static int words(String text) {
        return text.isBlank() ? 0 : WHITESPACE.split(text.strip()).length;
    }

    public String text() {
        return String.join(" ", tokens);
    }

    /** Token {@code index} as streamed: its word, after a space unless it is the first, so pieces add up to {@link #text()}. */
    public String piece(int index) {
        return index == 0 ? tokens.get(0) : " " + tokens.get(index);
    }

    public int size() {
        return tokens.size();
    }

    private static String echo(String text) {
        String oneLine = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        String echo = oneLine.length() <= ECHO_LIMIT ? oneLine : oneLine.substring(0, ECHO_LIMIT);
        return echo.matches(".*[.!?]") ? echo : echo + ".";
    }
}
