package io.tenantchat.localstack.eventbridge;

import java.util.Objects;

/** Routes entries with this bus, source and detail-type to an SQS queue. */
record Rule(String busName, String source, String detailType, String targetQueueUrl) {

    Rule {
        Objects.requireNonNull(busName, "busName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(targetQueueUrl, "targetQueueUrl");
    }

    boolean matches(PutEventsEntry entry) {
        return busName.equals(entry.busName())
                && source.equals(entry.source())
                && detailType.equals(entry.detailType());
    }
}
