package io.tenantchat.localstack.bedrockagent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent, alias and session named by an InvokeAgent path, percent-decoded. */
record AgentPath(String agentId, String aliasId, String sessionId) {

    private static final Pattern PATH = Pattern.compile("/agents/([^/]+)/agentAliases/([^/]+)/sessions/([^/]+)/text");
    private static final Pattern AGENT_ID = Pattern.compile("[0-9a-zA-Z]{10}");
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-zA-Z._:-]{2,100}");

    static Optional<AgentPath> match(String method, String rawPath) {
        Matcher path = PATH.matcher(rawPath);
        if (!method.equals("POST") || !path.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AgentPath(decode(path.group(1)), decode(path.group(2)), decode(path.group(3))));
    }

    /** Why Bedrock would refuse these identifiers, or empty when they are well formed. */
    Optional<String> problem() {
        if (!AGENT_ID.matcher(agentId).matches() || !AGENT_ID.matcher(aliasId).matches()) {
            return Optional.of("agentId and agentAliasId must be 10 characters [0-9a-zA-Z].");
        }
        if (!SESSION_ID.matcher(sessionId).matches()) {
            return Optional.of("1 validation error detected: Value at 'sessionId' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [0-9a-zA-Z._:-]+ and length 2..100.");
        }
        return Optional.empty();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return segment;
        }
    }
}
