package io.tenantchat.worker.usage.adapter.out.eventbridge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantchat.observability.TraceContext;
import io.tenantchat.shared.usage.ModelInvoked;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An event's detail: the usage event's members, and beside them the trace context ({@value TraceContext#EVENT_MEMBER}). */
record TracedDetail(
        @JsonUnwrapped ModelInvoked event,
        @JsonProperty(TraceContext.EVENT_MEMBER) @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, String> trace) {
}
