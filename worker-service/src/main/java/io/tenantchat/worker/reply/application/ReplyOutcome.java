package io.tenantchat.worker.reply.application;

/** How a job ended; each outcome is final for the job. */
public enum ReplyOutcome {
    /** The reply was stored by this call. */
    COMPLETED,
    /** A duplicate or redelivered job: the message was already answered (or is being answered by another). */
    ALREADY_DONE,
    /** A duplicate or redelivered job of a message that had already failed. */
    ALREADY_FAILED,
    /** No such user message: nothing to answer. */
    MESSAGE_NOT_FOUND,
    /** The model could not answer; the message is marked failed with a reason. */
    FAILED,
    /** Its author stopped it: never sent to the model, or the model stream was closed and the partial text stored. */
    CANCELLED;

    /** Whether the job belongs in the dead-letter queue: its message ended failed. */
    public boolean deadLetter() {
        return this == FAILED || this == ALREADY_FAILED;
    }
}
