package io.tenantchat.worker.usage.application;

import org.jspecify.annotations.Nullable;

/** Usage could not be published within the budget: the job stays unacknowledged and is retried later. */
public class UsageNotPublishedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageNotPublishedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
