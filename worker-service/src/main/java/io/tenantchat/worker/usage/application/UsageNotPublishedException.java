package io.tenantchat.worker.usage.application;

/** Usage could not be published within the budget: the job stays unacknowledged and is retried later. */
public class UsageNotPublishedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
