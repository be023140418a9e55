package io.tenantchat.api.stream.adapter.in.sse;

import java.util.Map;

/** One Server-Sent Event: its id, its name and its JSON data. */
record SseFrame(String id, String event, Map<String, Object> data) {

    boolean terminal() {
        return ResumePoint.DONE.equals(id);
    }
}
