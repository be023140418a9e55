package io.tenantchat.localstack.bedrock;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the stand-in needs from a Converse request body.
 *
 * @param systemText all {@code system[].text}, one per line
 * @param lastUserText the text of the last {@code user} message
 * @param inputTokens words in all system and message texts
 * @param maxTokens {@code inferenceConfig.maxTokens}, or {@link #NO_LIMIT}
 * @param turns each message as {@code <role>: <text>}, in order
 */
record ConverseRequest(String modelId, String systemText, String lastUserText, int inputTokens, int maxTokens,
        List<String> turns, ReceivedConverse received, List<CachePrefix> cachePrefixes) {

    /**
     * The prompt up to one {@code cachePoint} block (system blocks, then messages, in order): what Bedrock would
     * cache there, and its words (tokens).
     */
    record CachePrefix(String text, int tokens) {
    }

    static final int NO_LIMIT = Integer.MAX_VALUE;

    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,2048}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TENANT = Pattern.compile("(?im)^\\s*tenant\\s*:\\s*(\\S+)");

    private static final Pattern REF = Pattern.compile("\\[ref:([A-Za-z0-9._-]{1,100})]");

    /**
     * The caller's marker {@code [ref:<id>]} in the last user text (a benchmark's way to find its own request), or
     * null when there is none.
     */
    String ref() {
        java.util.regex.Matcher ref = REF.matcher(lastUserText);
        return ref.find() ? ref.group(1) : null;
    }

    /** Reads a Converse body; bad JSON fails with Jackson's exception, a bad request with IllegalArgumentException. */
    static ConverseRequest parse(String modelId, ByteBuf body) {
        if (!MODEL_ID.matcher(modelId).matches()) {
            throw new IllegalArgumentException("The provided model identifier is invalid.");
        }
        JsonNode root = BedrockWire.JSON.readTree(body.toString(StandardCharsets.UTF_8));
        JsonNode messages = root.path("messages");
        if (!root.isObject() || !messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("messages must be a non-empty list");
        }
        String system = texts(root.path("system"));
        int inputTokens = words(system);
        List<String> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            String text = texts(message.path("content"));
            inputTokens += words(text);
            turns.add(message.path("role").stringValue("") + ": " + text);
        }
        List<CachePrefix> cachePrefixes = cachePrefixes(modelId, root.path("system"), messages);
        int maxTokens = maxTokens(root.path("inferenceConfig").path("maxTokens"));
        JsonNode temperature = root.path("inferenceConfig").path("temperature");
        JsonNode guardrail = root.path("guardrailConfig");
        ReceivedConverse received = new ReceivedConverse(modelId, system, maxTokens == NO_LIMIT ? null : maxTokens,
                temperature.isNumber() ? temperature.doubleValue() : null,
                guardrail.path("guardrailIdentifier").stringValue(null),
                guardrail.path("guardrailVersion").stringValue(null));
        return new ConverseRequest(modelId, system, lastUserText(messages), inputTokens, maxTokens,
                List.copyOf(turns), received, cachePrefixes);
    }

    /** Walks system blocks then messages; at each {@code cachePoint} block, the text so far is a cacheable prefix. */
    private static List<CachePrefix> cachePrefixes(String modelId, JsonNode system, JsonNode messages) {
        List<CachePrefix> prefixes = new ArrayList<>();
        StringBuilder prompt = new StringBuilder(modelId).append('\n');
        int[] tokens = {0};
        walk(system, "system", prompt, tokens, prefixes);
        for (JsonNode message : messages) {
            walk(message.path("content"), message.path("role").stringValue(""), prompt, tokens, prefixes);
        }
        return List.copyOf(prefixes);
    }

    private static void walk(JsonNode blocks, String role, StringBuilder prompt, int[] tokens,
            List<CachePrefix> prefixes) {
        for (JsonNode block : blocks) {
            String text = block.path("text").stringValue(null);
            if (text != null) {
                prompt.append(role).append(": ").append(text).append('\n');
                tokens[0] += words(text);
            } else if (block.has("cachePoint")) {
                prefixes.add(new CachePrefix(prompt.toString(), tokens[0]));
            }
        }
    }

    /** The tenant the system prompt names on a {@code tenant: <id>} line, or "" when it names none. */
    String tenant() {
        Matcher tenant = TENANT.matcher(systemText);
        return tenant.find() ? tenant.group(1) : "";
    }

    static int words(String text) {
        return text.isBlank() ? 0 : WHITESPACE.split(text.strip()).length;
    }

    private static String lastUserText(JsonNode messages) {
        String last = "";
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").stringValue(null))) {
                last = texts(message.path("content"));
            }
        }
        return last;
    }

    /** The {@code text} of each block of a content or system list, one per line; other blocks are skipped. */
    private static String texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : blocks) {
            String text = block.path("text").stringValue(null);
            if (text != null) {
                texts.add(text);
            }
        }
        return String.join("\n", texts);
    }

    private static int maxTokens(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return NO_LIMIT;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw new IllegalArgumentException("inferenceConfig.maxTokens must be an integer of at least 1");
        }
        return node.intValue();
    }
}
