package io.tenantchat.usage.metering.domain;

import java.util.Locale;

/** Why a usage event is refused instead of counted: a closed set, so it can tag a metric. */
public enum RejectionReason {
    /** The body or its detail cannot be read as a ModelInvoked event in its EventBridge envelope. */
    MALFORMED,
    /** The envelope's source is not the worker's. */
    WRONG_SOURCE,
    /** The envelope's detail-type is not ModelInvoked. */
    WRONG_DETAIL_TYPE,
    /** The envelope names another AWS account than the one the deployment expects. */
    WRONG_ACCOUNT,
    /** The envelope names another region than the deployment's. */
    WRONG_REGION,
    /** A token count, the latency or the cost is negative or beyond what one model call can be. */
    VALUE_OUT_OF_RANGE,
    /** The model id is not a model id, inference profile or ARN. */
    INVALID_MODEL_ID,
    /** The invocation time lies in the future. */
    INVOCATION_IN_THE_FUTURE;

    /** As in metrics and dead-letter attributes: {@code value_out_of_range}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
