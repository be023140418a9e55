package io.tenantchat.api.openai.adapter.in.web;

import io.tenantchat.shared.GivenConversation;
import java.util.Objects;

/**
 * A checked {@code POST /v1/chat/completions} body.
 *
 * @param outputCap the most tokens the reply may have: the client's {@code max_tokens} or the server's cap
 */
record CompletionRequest(GivenConversation conversation, boolean stream, boolean includeUsage, int outputCap) {

    CompletionRequest {
        Objects.requireNonNull(conversation, "conversation");
    }
}
