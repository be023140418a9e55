package io.tenantchat.api.openai.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.openai.config.OpenAiProperties;
import io.tenantchat.shared.GivenConversation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CompletionRequestsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CompletionRequests requests = new CompletionRequests(new OpenAiProperties(List.of("m"), 3, 50, 100,
            1.0, Duration.ofMinutes(1), 4));

    @Test
    void readsMessagesModelOptionsAndStreamingExactlyAsGiven() {
        CompletionRequest request = read("""
                {"model": "m", "stream": true, "stream_options": {"include_usage": true}, "max_tokens": 20,
                 "temperature": 0.5, "user": "u", "messages": [
                   {"role": "developer", "content": "Be brief."},
                   {"role": "user", "content": [{"type": "text", "text": "Hel"}, {"type": "text", "text": "lo"}]}]}
                """);

        assertThat(request.conversation()).isEqualTo(new GivenConversation(List.of(
                new GivenConversation.Message("system", "Be brief."), new GivenConversation.Message("user", "Hello")),
                "m", 20, 0.5));
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.outputCap()).isEqualTo(20);
    }

    @Test
    void withoutMaxTokensTheOutputCapIsTheServersAndUsageIsNotStreamed() {
        CompletionRequest request = read("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");

        assertThat(request.outputCap()).isEqualTo(100);
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
        assertThat(request.conversation().maxTokens()).isNull();
        assertThat(request.conversation().temperature()).isNull();
    }

    @Test
    void acceptsMaxCompletionTokensAsMaxTokens() {
        assertThat(read("{\"model\": \"m\", \"max_completion_tokens\": 7, \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"Hi\"}]}").conversation().maxTokens()).isEqualTo(7);
    }

    @Test
    void refusesWhatThisApiDoesNotDoNamingTheParameter() {
        refused("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "model");
        refused("{\"model\": \"m\", \"messages\": []}", "messages");
        refused("{\"model\": \"m\", \"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}", "messages[0].role");
        refused("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": null}]}", "messages[0].content");
        refused("{\"model\": \"m\", \"messages\": [{\"role\": \"assistant\", \"content\": \"a\"}, "
                + "{\"role\": \"user\", \"content\": \"b\"}]}", "messages");
        refused("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"a\"}, "
                + "{\"role\": \"assistant\", \"content\": \"b\"}]}", "messages");
        refused("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"" + "x".repeat(51) + "\"}]}",
                "messages");
        refused("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\", "
                + "\"content\": \"a\"}, {\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\", \"content\": "
                + "\"a\"}]}", "messages");
        refused(withOption("\"max_tokens\": 101"), "max_tokens");
        refused(withOption("\"max_tokens\": 0"), "max_tokens");
        refused(withOption("\"temperature\": 1.1"), "temperature");
        refused(withOption("\"stream\": \"yes\""), "stream");
        refused(withOption("\"stream_options\": {\"include_usage\": true}"), "stream_options");
        refused(withOption("\"n\": 2"), "n");
        refused(withOption("\"tools\": []"), "tools");
    }

    private static String withOption(String option) {
        return "{\"model\": \"m\", " + option + ", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
    }

    private void refused(String body, String param) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.param()).isEqualTo(param));
    }

    private CompletionRequest read(String body) {
        return requests.read(JSON.readTree(body));
    }
}
