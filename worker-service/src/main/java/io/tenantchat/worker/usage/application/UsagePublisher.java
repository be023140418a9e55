package io.tenantchat.worker.usage.application;

import io.tenantchat.shared.usage.ModelInvoked;
import java.util.List;

/** Out-port: publishes usage events, retrying until every one is accepted or the publish budget is spent. */
public interface UsagePublisher {

    /** @throws UsageNotPublishedException when some events could not be published; the caller must not ack its job */
    void publish(List<ModelInvoked> events);
}
