package io.tenantchat.worker.reply.application;

/** How a job ended; each outcome is final for the job. */
public enum ReplyOutcome {
    /** The reply was stored by this call. */
    COMPLETED,
    /** A duplicate or redelivered job: the message was already answered or failed. */
    ALREADY_DONE,
    /** No such user message: nothing to answer. */
    MESSAGE_NOT_FOUND,
    /** The model could not answer; the message is marked failed with a reason. */
    FAILED
}
