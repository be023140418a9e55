package io.tenantchat.api.support;

import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.chat.domain.MessageRef;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link CancelSignals} that keeps what was signalled. */
public final class RecordingCancelSignals implements CancelSignals {

    public final List<MessageRef> cancelled = new CopyOnWriteArrayList<>();
    public final List<MessageRef> stopping = new CopyOnWriteArrayList<>();

    @Override
    public void cancelled(MessageRef message) {
        cancelled.add(message);
    }

    @Override
    public void stopping(MessageRef message) {
        stopping.add(message);
    }
}
