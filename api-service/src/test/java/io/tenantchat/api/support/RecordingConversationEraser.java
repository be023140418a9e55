package io.tenantchat.api.support;

import io.tenantchat.api.session.application.ConversationEraser;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake {@link ConversationEraser} that remembers which conversations it was asked to erase. */
public final class RecordingConversationEraser implements ConversationEraser {

    private final List<String> erased = new CopyOnWriteArrayList<>();

    private final List<MessageId> unfinished = new CopyOnWriteArrayList<>();

    @Override
    public List<MessageId> erase(TenantId tenantId, SessionId sessionId) {
        erased.add(tenantId.value() + "#" + sessionId.value());
        return List.copyOf(unfinished);
    }

    /** Messages the next erase calls report as not ended. */
    public void unfinished(MessageId... messageIds) {
        unfinished.addAll(List.of(messageIds));
    }

    /** {@code tenant#session} of every erase call, in order. */
    public List<String> erased() {
        return List.copyOf(erased);
    }
}
