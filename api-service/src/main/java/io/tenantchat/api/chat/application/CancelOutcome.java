package io.tenantchat.api.chat.application;

/** What a stop request found and did to a message. */
public enum CancelOutcome {
    /** It was queued and is now cancelled: no worker will send it to the model. */
    CANCELLED,
    /** It is being generated: the stop request is stored, and the worker holding it ends it cancelled. */
    STOPPING,
    /** It was cancelled already (a repeated request): nothing changed. */
    ALREADY_CANCELLED,
    /** It completed or failed already: nothing to stop. */
    FINISHED,
    /** There is no such message. */
    NOT_FOUND
}
