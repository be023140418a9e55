/**
 * What crosses the pipeline's asynchronous hops besides the payload: the W3C trace context (so one trace spans
 * api-service, worker-service and usage-aggregator) and the fields every log line of a request's work carries.
 */
@NullMarked
package io.tenantchat.observability;

import org.jspecify.annotations.NullMarked;
