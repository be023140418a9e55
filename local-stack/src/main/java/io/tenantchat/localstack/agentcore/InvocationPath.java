package io.tenantchat.localstack.agentcore;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runtime ARN of an InvokeAgentRuntime path, percent-decoded. */
record InvocationPath(String runtimeArn) {

    private static final Pattern PATH = Pattern.compile("/runtimes/([^/]+)/invocations");
    private static final Pattern RUNTIME_ARN =
            Pattern.compile("arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/[A-Za-z][A-Za-z0-9_-]{0,99}");

    static Optional<InvocationPath> match(String method, String rawPath) {
        Matcher path = PATH.matcher(rawPath);
        if (!method.equals("POST") || !path.matches()) {
            return Optional.empty();
        }
        return Optional.of(new InvocationPath(URLDecoder.decode(path.group(1), StandardCharsets.UTF_8)));
    }

    boolean isWellFormed() {
        return RUNTIME_ARN.matcher(runtimeArn).matches();
    }
}
