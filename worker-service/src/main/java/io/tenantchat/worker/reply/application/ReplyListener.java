package io.tenantchat.worker.reply.application;

/**
 * Receives a reply while the model streams it. Called from provider threads, in order, never concurrently for
 * one reply.
 */
public interface ReplyListener {

    /** Does nothing: for callers that only want the complete reply. */
    ReplyListener NONE = new ReplyListener() {
        @Override
        public void delta(String text) {
        }
    };

    /** The next piece of reply text. */
    void delta(String text);

    /** The provider started the reply over: text delivered so far is void and must not be shown twice. */
    default void restarted() {
    }
}
