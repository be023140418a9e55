package io.tenantchat.api.chat.application;

import io.tenantchat.shared.ChatRequested;

/** Hands a job to the worker. */
public interface ChatJobQueue {

    /** @throws io.tenantchat.api.error.UnavailableException when the queue did not take the job */
    void enqueue(ChatRequested job);

    /**
     * Queues a job again for a message that was requeued (a retry or replay), under {@code deduplicationId}
     * instead of the message id, which the queue may still remember from the first send. Queues that do not
     * deduplicate need not override this.
     *
     * @throws io.tenantchat.api.error.UnavailableException when the queue did not take the job
     */
    default void requeue(ChatRequested job, String deduplicationId) {
        enqueue(job);
    }
}
