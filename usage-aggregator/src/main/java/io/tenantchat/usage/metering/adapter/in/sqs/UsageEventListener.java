package io.tenantchat.usage.metering.adapter.in.sqs;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.tenantchat.shared.usage.EventBridgeEnvelope;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.application.RecordUsageUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each event to the use case. A body that cannot be read throws, so after the queue's receive limit it
 * rests in the dead-letter queue for an operator instead of being dropped.
 */
@Component
class UsageEventListener {

    private static final Logger log = LoggerFactory.getLogger(UsageEventListener.class);
    private static final TypeReference<EventBridgeEnvelope<ModelInvoked>> ENVELOPE = new TypeReference<>() { };

    private final RecordUsageUseCase recordUsage;
    private final JsonMapper json;

    UsageEventListener(RecordUsageUseCase recordUsage, JsonMapper json) {
        this.recordUsage = recordUsage;
        this.json = json;
    }

    @SqsListener("${tenantchat.queues.usage-events}")
    void onEvent(String body) {
        EventBridgeEnvelope<ModelInvoked> envelope = json.readValue(body, ENVELOPE);
        if (!ModelInvoked.DETAIL_TYPE.equals(envelope.detailType()) || envelope.detail() == null) {
            log.warn("ignoring event {} of detail-type {}", envelope.id(), envelope.detailType());
            return;
        }
        recordUsage.record(envelope.detail());
    }
}
