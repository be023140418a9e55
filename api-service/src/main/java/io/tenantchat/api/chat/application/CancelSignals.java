package io.tenantchat.api.chat.application;

import io.tenantchat.api.chat.domain.MessageRef;

/**
 * Out-port: tells the rest of the system about a stop request once it is stored. Best effort: a lost signal costs
 * only time (the worker finds the stored request at its next claim or completion; clients re-read the message).
 */
public interface CancelSignals {

    /** Signals nothing: for setups without a bus. */
    CancelSignals NONE = new CancelSignals() {
        @Override
        public void cancelled(MessageRef message) {
        }

        @Override
        public void stopping(MessageRef message) {
        }
    };

    /** A queued message is now cancelled: its session's clients get the terminal {@code cancelled} event. */
    void cancelled(MessageRef message);

    /** A message being generated must stop: the worker holding it closes the model stream. */
    void stopping(MessageRef message);
}
