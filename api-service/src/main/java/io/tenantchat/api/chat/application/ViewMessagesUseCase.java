package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the caller's own messages; anyone else's are reported as not found. */
public interface ViewMessagesUseCase {

    Exchange message(Caller caller, MessageId messageId);

    List<Exchange> conversation(Caller caller, SessionId sessionId);

    /**
     * Up to {@code limit} (1 to {@link ConversationPage#MAX_LIMIT}) exchanges after message {@code afterOrNull}.
     *
     * @throws io.tenantchat.api.error.InvalidRequestException for a limit out of bounds
     */
    ConversationPage conversation(Caller caller, SessionId sessionId, @Nullable MessageId afterOrNull, int limit);
}
