package io.tenantchat.api.support;

import io.tenantchat.api.session.application.ConversationEraser;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake {@link ConversationEraser} that remembers which conversations it was asked to erase. */
public final class RecordingConversationEraser implements ConversationEraser {

    private final List<String> erased = new CopyOnWriteArrayList<>();

    @Override
    public void erase(TenantId tenantId, SessionId sessionId) {
        erased.add(tenantId.value() + "#" + sessionId.value());
    }

    /** {@code tenant#session} of every erase call, in order. */
    public List<String> erased() {
        return List.copyOf(erased);
    }
}
