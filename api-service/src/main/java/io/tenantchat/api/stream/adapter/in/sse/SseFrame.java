package io.tenantchat.api.stream.adapter.in.sse;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One Server-Sent Event: its id, its name and its JSON data. */
record SseFrame(String id, String event, Map<String, @Nullable Object> data) {

    boolean terminal() {
        return ResumePoint.DONE.equals(id);
    }
}
