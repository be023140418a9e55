package io.tenantchat.worker.reply.application;

import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import org.jspecify.annotations.Nullable;

/** Out-port: a language model that continues a conversation. */
public interface ChatModel {

    /**
     * Asks for the next assistant turn.
     *
     * @param settings how to call: {@code maxTokens} (always sent to the provider), the model and temperature (a
     *     {@code /v1} client's choice, else the tenant profile's) and the profile's guardrail; an adapter that
     *     cannot apply a setting in {@link ModelSettings#profileFields()} fails permanently rather than ignoring it
     * @param listener receives the text as it streams
     * @return the complete reply, never partial text
     * @throws ChatModelException when there is no complete reply, classified as retryable or not
     */
    ModelReply reply(Conversation conversation, ModelSettings settings, ReplyListener listener);

    /**
     * The model id {@link #reply} uses for {@code conversation}, as its {@link ModelReply#modelId()} says: what a
     * call that was stopped before its end is metered under.
     */
    String modelIdFor(Conversation conversation, ModelSettings settings);

    /**
     * The agent {@link #reply} calls for {@code conversation}, as its {@link ModelReply#agentId()} says; {@code null}
     * for a plain model.
     */
    default @Nullable String agentIdFor(Conversation conversation) {
        return null;
    }
}
