package io.tenantchat.api.openai.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyError;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplyUsage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CompletionChunksTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TenantId tenant = TenantId.of("tenant-001");
    private final SessionId session = SessionId.random();
    private final MessageId message = MessageId.next(Clock.systemUTC());

    @Test
    void streamsTheRoleThenTheTextThenTheFinishReasonThenUsageAndDone() {
        CompletionChunks chunks = new CompletionChunks(message, "model-a", 1700000000, true, 100);
        List<String> data = new ArrayList<>(chunks.start());
        data.addAll(chunks.on(delta(1, 1, "Hello ")));
        data.addAll(chunks.on(delta(1, 2, "world")));
        data.addAll(chunks.on(completed("Hello world", 5, 2)));

        JsonNode first = JSON.readTree(data.get(0));
        assertThat(first.path("object").asString()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("id").asString()).isEqualTo("chatcmpl-" + message.value());
        assertThat(first.path("model").asString()).isEqualTo("model-a");
        assertThat(first.path("created").asLong()).isEqualTo(1700000000);
        assertThat(first.path("choices").get(0).path("delta").path("role").asString()).isEqualTo("assistant");
        assertThat(first.path("choices").get(0).path("finish_reason").isNull()).isTrue();
        assertThat(content(data.get(1))).isEqualTo("Hello ");
        assertThat(content(data.get(2))).isEqualTo("world");
        JsonNode last = JSON.readTree(data.get(3)).path("choices").get(0);
        assertThat(last.path("finish_reason").asString()).isEqualTo("stop");
        assertThat(last.path("delta").isEmpty()).isTrue();
        JsonNode usage = JSON.readTree(data.get(4));
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(2);
        assertThat(usage.path("usage").path("total_tokens").asInt()).isEqualTo(7);
        assertThat(data.get(5)).isEqualTo("[DONE]");
        assertThat(chunks.finished()).isTrue();
    }

    @Test
    void withoutIncludeUsageNoUsageChunkAndTheTextTheDeltasMissedComesWithTheEnd() {
        CompletionChunks chunks = new CompletionChunks(message, "model-a", 0, false, 100);
        List<String> data = new ArrayList<>(chunks.on(delta(1, 1, "Hel")));
        data.addAll(chunks.on(completed("Hello", 1, 1)));

        assertThat(content(data.get(0))).isEqualTo("Hel");
        assertThat(content(data.get(1))).isEqualTo("lo");
        assertThat(data).hasSize(4).last().isEqualTo("[DONE]");
        assertThat(data).noneMatch(d -> d.contains("\"usage\""));
    }

    @Test
    void aReplyThatUsedItsWholeCapFinishesWithLength() {
        CompletionChunks chunks = new CompletionChunks(message, "model-a", 0, false, 2);

        List<String> data = chunks.on(completed("a b", 1, 2));

        assertThat(JSON.readTree(data.get(data.size() - 2)).path("choices").get(0).path("finish_reason").asString())
                .isEqualTo("length");
    }

    @Test
    void aFailedReplyEndsWithAnErrorEventAndNoDone() {
        CompletionChunks chunks = new CompletionChunks(message, "model-a", 0, true, 100);

        List<String> data = chunks.on(new ReplyFailed(tenant, session, message,
                new ReplyError("model_unavailable", "The model is unavailable.")));

        assertThat(data).hasSize(1);
        JsonNode error = JSON.readTree(data.get(0)).path("error");
        assertThat(error.path("code").asString()).isEqualTo("model_unavailable");
        assertThat(error.path("message").asString()).isEqualTo("The model is unavailable.");
        assertThat(error.path("type").asString()).isEqualTo("server_error");
        assertThat(chunks.finished()).isTrue();
        assertThat(chunks.on(completed("late", 1, 1))).isEmpty();
    }

    @Test
    void aRestartBeforeAnyTextIsInvisibleButAfterTextItEndsTheStreamWithAnError() {
        CompletionChunks quiet = new CompletionChunks(message, "model-a", 0, false, 100);
        assertThat(quiet.on(new ReplyRestarted(tenant, session, message, 2, 0))).isEmpty();
        assertThat(content(quiet.on(delta(2, 1, "Hi")).get(0))).isEqualTo("Hi");

        CompletionChunks spoken = new CompletionChunks(message, "model-a", 0, false, 100);
        spoken.on(delta(1, 1, "Hel"));
        List<String> data = spoken.on(delta(2, 1, "Bonjour"));
        assertThat(data).hasSize(1);
        assertThat(JSON.readTree(data.get(0)).path("error").path("code").asString()).isEqualTo("reply_restarted");
    }

    @Test
    void otherMessagesEventsAreIgnored() {
        CompletionChunks chunks = new CompletionChunks(message, "model-a", 0, false, 100);

        assertThat(chunks.on(new ReplyDelta(tenant, session, MessageId.next(Clock.systemUTC()), 1, 1, "x"))).isEmpty();
    }

    private ReplyDelta delta(int attempt, long seq, String text) {
        return new ReplyDelta(tenant, session, message, attempt, seq, text);
    }

    private ReplyCompleted completed(String content, int in, int out) {
        return new ReplyCompleted(tenant, session, message, content, "model-a", new ReplyUsage(in, out));
    }

    private static String content(String data) {
        return JSON.readTree(data).path("choices").get(0).path("delta").path("content").asString();
    }
}
