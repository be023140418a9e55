package io.tenantchat.worker.reply.adapter.out.agentcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentStreamParserTests {

    @Test
    void readsServerSentEventsOfJsonStringsAndPlainText() {
        List<AgentEvent> events = parse("text/event-stream; charset=utf-8",
                "data: \"Hello\"", "", ": keep-alive", "", "data: world", "", "data: [DONE]", "");

        assertThat(events).containsExactly(new AgentEvent.Text("Hello"), new AgentEvent.Text("world"));
    }

    @Test
    void joinsMultiLineDataAndDispatchesALastEventWithoutBlankLine() {
        List<AgentEvent> events = parse("text/event-stream", "data: {\"delta\":", "data: \"Hi\"}");

        assertThat(events).containsExactly(new AgentEvent.Text("Hi"));
    }

    @Test
    void readsJsonLinesWithDeltasAndUsage() {
        List<AgentEvent> events = parse("application/x-ndjson",
                "{\"delta\": \"Hel\"}", "{\"text\": \"lo\"}", "{\"usage\": {\"input_tokens\": 12, \"output_tokens\": 2}}");

        assertThat(events).containsExactly(new AgentEvent.Text("Hel"), new AgentEvent.Text("lo"),
                new AgentEvent.Usage(12, 2));
    }

    @Test
    void readsStrandsEventsOnceAndSkipsTheirFinalResult() {
        List<AgentEvent> events = parse("text/event-stream",
                "data: {\"event\": {\"contentBlockDelta\": {\"delta\": {\"text\": \"Hi\"}}}}", "",
                "data: {\"data\": \"Hi\", \"delta\": {\"text\": \"Hi\"}}", "",
                "data: {\"event\": {\"metadata\": {\"usage\": {\"inputTokens\": 5, \"outputTokens\": 1}}}}", "",
                "data: {\"result\": \"Hi\"}", "");

        assertThat(events).containsExactly(new AgentEvent.Text("Hi"), new AgentEvent.Usage(5, 1));
    }

    @Test
    void readsAWholeJsonReply() {
        List<AgentEvent> events = parse("application/json", "{", "  \"result\": \"Paris.\"", "}");

        assertThat(events).containsExactly(new AgentEvent.Text("Paris."));
    }

    @Test
    void reportsAnErrorEvent() {
        List<AgentEvent> events = parse("text/event-stream",
                "data: {\"error\": \"boom\", \"error_type\": \"ThrottlingException\"}", "");

        assertThat(events).containsExactly(new AgentEvent.Failure("boom", "ThrottlingException"));
    }

    private static List<AgentEvent> parse(String contentType, String... lines) {
        AgentStreamParser parser = AgentStreamParser.forContentType(contentType);
        List<AgentEvent> events = new ArrayList<>();
        for (String line : lines) {
            events.addAll(parser.line(line));
        }
        events.addAll(parser.finish());
        return events;
    }
}
