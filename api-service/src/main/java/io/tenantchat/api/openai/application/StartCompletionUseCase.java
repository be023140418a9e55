package io.tenantchat.api.openai.application;

import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.GivenConversation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** In-port: the OpenAI-compatible API's use cases. */
public interface StartCompletionUseCase {

    /**
     * Accepts a completion through the chat pipeline: a session of kind {@code api} holding one message that answers
     * {@code conversation} (quotas, hold, job, worker, metering and replay as for any message).
     *
     * @throws io.tenantchat.api.error.NotFoundException {@code model_not_found} when the tenant may not use the model
     */
    StartedCompletion start(Caller caller, GivenConversation conversation, @Nullable IdempotencyKey key);

    /** The models the caller's tenant may name. */
    List<String> models(Caller caller);
}
