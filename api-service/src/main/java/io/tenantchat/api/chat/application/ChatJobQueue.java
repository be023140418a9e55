package io.tenantchat.api.chat.application;

import io.tenantchat.shared.ChatRequested;

/** Hands a job to the worker. */
public interface ChatJobQueue {

    /** @throws io.tenantchat.api.error.UnavailableException when the queue did not take the job */
    void enqueue(ChatRequested job);
}
