package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplySettled;

/**
 * Out-port: tells the subscribers of a session how a reply comes along (delta, restarted, completed, failed,
 * cancelled).
 * Best effort: an implementation never throws, and a lost event costs a client only liveness, never
 * correctness (the api falls back on the stored messages).
 */
public interface ReplyEvents {

    /** Publishes nothing: where no stream bus is configured. */
    ReplyEvents NONE = new ReplyEvents() {
        @Override
        public void delta(ReplyDelta delta, String textSoFar) {
        }

        @Override
        public void restarted(ReplyRestarted restarted) {
        }

        @Override
        public void completed(ReplyCompleted completed) {
        }

        @Override
        public void failed(ReplyFailed failed) {
        }

        @Override
        public void settled(ReplySettled settled) {
        }

        @Override
        public void cancelled(ReplyCancelled cancelled) {
        }
    };

    /** Records {@code textSoFar} (the attempt's text including this delta) for late subscribers, then publishes. */
    void delta(ReplyDelta delta, String textSoFar);

    /** Voids the text so far, then publishes. */
    void restarted(ReplyRestarted restarted);

    void completed(ReplyCompleted completed);

    void failed(ReplyFailed failed);

    /** Its author stopped the reply; what was generated is stored (terminal, like {@link #completed}). */
    void cancelled(ReplyCancelled cancelled);

    /**
     * A job came for a message that is already finished: the worker that finished it may have died before publishing
     * {@link #completed} or {@link #failed}, so subscribers re-read the stored message once (they never send a
     * terminal frame twice).
     */
    void settled(ReplySettled settled);
}
