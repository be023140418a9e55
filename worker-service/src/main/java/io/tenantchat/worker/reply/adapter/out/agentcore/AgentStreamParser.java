package io.tenantchat.worker.reply.adapter.out.agentcore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Splits an agent's reply into events, line by line, by its content type: server-sent events
 * ({@code text/event-stream}: {@code data:} lines, joined until a blank line), a whole JSON document
 * ({@code application/json}), or JSON lines (anything else: each non-blank line is one event).
 */
final class AgentStreamParser {

    private enum Format { SSE, WHOLE_JSON, JSON_LINES }

    private final Format format;
    private final List<String> pending = new ArrayList<>();

    private AgentStreamParser(Format format) {
        this.format = format;
    }

    static AgentStreamParser forContentType(@Nullable String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            return new AgentStreamParser(Format.SSE);
        }
        return new AgentStreamParser(type.startsWith("application/json") ? Format.WHOLE_JSON : Format.JSON_LINES);
    }

    /** The events this line completes, in order; usually none or one. */
    List<AgentEvent> line(String line) {
        return switch (format) {
            case SSE -> sseLine(line);
            case WHOLE_JSON -> {
                pending.add(line);
                yield List.of();
            }
            case JSON_LINES -> AgentEvents.streamed(line);
        };
    }

    /** The events still pending when the body ends. */
    List<AgentEvent> finish() {
        List<AgentEvent> events = format == Format.WHOLE_JSON
                ? AgentEvents.whole(String.join("\n", pending))
                : format == Format.SSE ? dispatch() : List.of();
        pending.clear();
        return events;
    }

    private List<AgentEvent> sseLine(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith("data:")) {
            String data = line.substring(5);
            pending.add(data.startsWith(" ") ? data.substring(1) : data);
        }
        return List.of();
    }

    private List<AgentEvent> dispatch() {
        if (pending.isEmpty()) {
            return List.of();
        }
        String data = String.join("\n", pending);
        pending.clear();
        return AgentEvents.streamed(data);
    }
}
