package io.tenantchat.api.stream.adapter.in.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyError;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReplyFramesTests {

    static final TenantId TENANT = TenantId.of("tenant-sse");
    static final SessionId SESSION = SessionId.random();
    static final MessageId MESSAGE = MessageId.next(Clock.systemUTC());
    static final MessageId OTHER = MessageId.next(Clock.systemUTC());

    @Test
    void numbersDeltasByTheirPositionInTheTextAndEndsWithTheCompletedReply() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.START);

        List<SseFrame> sent = all(frames, delta(1, 1, "Hello "), delta(1, 2, "world"),
                new ReplyCompleted(TENANT, SESSION, MESSAGE, "Hello world", "model", new ReplyUsage(3, 2)));

        assertThat(sent).extracting(SseFrame::id).containsExactly("1:6", "1:11", "done");
        assertThat(sent).extracting(SseFrame::event).containsExactly("delta", "delta", "completed");
        assertThat(sent.get(1).data()).containsEntry("text", "world").containsEntry("message_id", MESSAGE.value());
        assertThat(sent.get(2).data()).containsEntry("content", "Hello world");
        assertThat(frames.finished()).isTrue();
        assertThat(frames.on(delta(1, 3, "late"))).isEmpty();
    }

    @Test
    void resumingDropsTheTextTheClientHasAndCutsADeltaThatStraddlesIt() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.parse("1:9"));

        // a reconnect replays the reply in progress as one delta: the snapshot of all text so far
        List<SseFrame> sent = all(frames, delta(1, 3, "Hello world"), delta(1, 4, "!"));

        assertThat(sent).extracting(SseFrame::id).containsExactly("1:11", "1:12");
        assertThat(sent).extracting(frame -> frame.data().get("text")).containsExactly("ld", "!");
    }

    @Test
    void resumingWithEverythingAlreadySentSendsNothingUntilNewText() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.parse("1:11"));

        assertThat(frames.on(delta(1, 3, "Hello world"))).isEmpty();
        assertThat(frames.on(delta(1, 4, "?"))).singleElement()
                .satisfies(frame -> assertThat(frame.data()).containsEntry("text", "?"));
    }

    @Test
    void aNewerAttemptThanTheClientsVoidsItsTextFirst() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.parse("1:9"));

        List<SseFrame> sent = all(frames, delta(2, 1, "Second try"));

        assertThat(sent).extracting(SseFrame::event).containsExactly("restarted", "delta");
        assertThat(sent).extracting(SseFrame::id).containsExactly("2:0", "2:10");
        assertThat(sent.get(1).data()).containsEntry("text", "Second try");
    }

    @Test
    void aRestartVoidsTheTextShownSoFar() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.START);

        List<SseFrame> sent = all(frames, delta(1, 1, "abc"),
                new ReplyRestarted(TENANT, SESSION, MESSAGE, 2, 0), delta(2, 1, "xy"));

        assertThat(sent).extracting(SseFrame::id).containsExactly("1:3", "2:0", "2:2");
    }

    @Test
    void aFreshClientIsNotToldOfARestartBeforeAnyText() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.START);

        assertThat(all(frames, delta(2, 1, "xy"))).extracting(SseFrame::event).containsExactly("delta");
    }

    @Test
    void ignoresOtherMessagesOfTheSession() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.START);

        assertThat(frames.on(new ReplyDelta(TENANT, SESSION, OTHER, 1, 1, "not mine"))).isEmpty();
        assertThat(frames.on(new ReplyCompleted(TENANT, SESSION, OTHER, "x", "m", new ReplyUsage(1, 1)))).isEmpty();
        assertThat(frames.finished()).isFalse();
    }

    @Test
    void cancelledReplyEndsTheStreamWithTheTextGeneratedUntilTheStop() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.START);
        frames.on(new ReplyDelta(TENANT, SESSION, MESSAGE, 1, 1, "Half an ans"));

        SseFrame last = frames.on(new ReplyCancelled(TENANT, SESSION, MESSAGE, "Half an answer", "model-x",
                new ReplyUsage(12, 3))).getFirst();

        assertThat(last.terminal()).isTrue();
        assertThat(last.event()).isEqualTo("cancelled");
        assertThat(last.data()).containsEntry("content", "Half an answer").containsEntry("model_id", "model-x");
        assertThat(frames.finished()).isTrue();
        assertThat(frames.on(new ReplyDelta(TENANT, SESSION, MESSAGE, 1, 2, "wer"))).isEmpty();
    }

    @Test
    void aReplyCancelledWhileQueuedEndsTheStreamWithNoTextAndNoUsage() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.START);

        SseFrame last = frames.on(new ReplyCancelled(TENANT, SESSION, MESSAGE, "", null, null)).getFirst();

        assertThat(last.terminal()).isTrue();
        assertThat(last.event()).isEqualTo("cancelled");
        assertThat(last.data()).containsEntry("content", "").containsEntry("usage", null);
    }

    @Test
    void failedReplyEndsTheStreamWithItsError() {
        ReplyFrames frames = new ReplyFrames(MESSAGE, ResumePoint.START);

        SseFrame last = frames.on(new ReplyFailed(TENANT, SESSION, MESSAGE, new ReplyError("model_unavailable",
                "The model is unavailable."))).getFirst();

        assertThat(last.terminal()).isTrue();
        assertThat(last.event()).isEqualTo("failed");
        assertThat(last.data().get("error").toString()).contains("model_unavailable");
    }

    @Test
    void refusesALastEventIdOfAnotherShape() {
        assertThat(ResumePoint.parse(null)).isEqualTo(ResumePoint.START);
        assertThat(ResumePoint.parse("done")).isEqualTo(ResumePoint.START);
        assertThatThrownBy(() -> ResumePoint.parse("1-9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResumePoint.parse("1:" + "9".repeat(20))).isInstanceOf(IllegalArgumentException.class);
    }

    private static ReplyDelta delta(int attempt, long seq, String text) {
        return new ReplyDelta(TENANT, SESSION, MESSAGE, attempt, seq, text);
    }

    private static List<SseFrame> all(ReplyFrames frames, StreamEvent... events) {
        return Stream.of(events).flatMap(event -> frames.on(event).stream()).toList();
    }
}
