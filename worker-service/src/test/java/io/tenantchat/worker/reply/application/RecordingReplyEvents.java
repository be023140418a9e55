package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplySettled;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.ArrayList;
import java.util.List;

/** {@link ReplyEvents} that keeps what was published, with the text-so-far of each delta. */
final class RecordingReplyEvents implements ReplyEvents {

    final List<StreamEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> snapshots = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Names of the threads events were published on. */
    final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void delta(ReplyDelta delta, String textSoFar) {
        threads.add(Thread.currentThread().getName());
        events.add(delta);
        snapshots.add(textSoFar);
    }

    @Override
    public void restarted(ReplyRestarted restarted) {
        events.add(restarted);
        snapshots.add("");
    }

    @Override
    public void completed(ReplyCompleted completed) {
        events.add(completed);
    }

    @Override
    public void failed(ReplyFailed failed) {
        events.add(failed);
    }

    @Override
    public void cancelled(io.tenantchat.shared.stream.ReplyCancelled cancelled) {
        events.add(cancelled);
    }

    @Override
    public void settled(ReplySettled settled) {
        events.add(settled);
    }
}
