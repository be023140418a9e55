package io.tenantchat.usage.metering.application;

import io.tenantchat.usage.metering.domain.UsageEventRejection;

/** Where refused usage events go: the usage dead-letter queue, each with its reason, never counted. */
public interface RejectedUsageEvents {

    /** Keeps {@code body} as it arrived, with {@code rejection}; throws when it could not be kept. */
    void deadLetter(String body, UsageEventRejection rejection);
}
