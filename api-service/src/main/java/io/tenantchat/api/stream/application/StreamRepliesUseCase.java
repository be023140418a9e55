package io.tenantchat.api.stream.application;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** In-port: follow the replies of one of the caller's sessions. */
public interface StreamRepliesUseCase {

    /**
     * Sends {@code sink} every reply of the session after message {@code afterOrNull} exactly once: stored
     * replies first, then the reply in progress (its text so far as one delta), then live events, with a
     * {@code restarted} event whenever a reply starts over.
     *
     * @throws io.tenantchat.api.error.NotFoundException when the session is not the caller's (other tenants' and
     *     users' sessions included); nothing is sent then
     */
    Subscription open(Caller caller, SessionId sessionId, @Nullable MessageId afterOrNull, Consumer<StreamEvent> sink);
}
