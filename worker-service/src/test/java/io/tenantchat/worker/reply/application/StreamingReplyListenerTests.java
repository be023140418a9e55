package io.tenantchat.worker.reply.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.StreamEvent;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingReplyListenerTests {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RecordingReplyEvents events = new RecordingReplyEvents();
    private final MessageRef ref = UserMessageTestData.aUserMessage().build().ref();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void theFirstTextGoesOutAtOnceAndPiecesArrivingWithinTheWindowAfterItAsOneDelta() {
        StreamingReplyListener listener = coalescing(Duration.ofHours(1), 1024);

        listener.delta("Hel");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 1);
        listener.delta("lo, ");
        listener.delta("world");
        listener.end();

        assertThat(events.events).containsExactly(delta(1, "Hel"), delta(2, "lo, world"));
        assertThat(events.snapshots).containsExactly("Hel", "Hello, world");
    }

    @Test
    void theModelStreamsOwnStartIsNoRestartAndItsFirstTextStillGoesOutAtOnce() {
        StreamingReplyListener listener = coalescing(Duration.ofHours(1), 1024);

        listener.restarted(); // the Bedrock adapter reports every messageStart, the first one included
        listener.delta("Hel");

        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.stream().anyMatch(ReplyDelta.class::isInstance));
        assertThat(events.events).containsExactly(delta(1, "Hel"));
    }

    @Test
    void theFirstTextAfterARestartGoesOutAtOnceToo() {
        StreamingReplyListener listener = coalescing(Duration.ofHours(1), 1024);
        listener.delta("first");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 1);
        listener.restarted();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 2);

        listener.delta("fresh");

        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 3);
        assertThat(events.events.get(2)).isEqualTo(delta(3, "fresh"));
    }

    @Test
    void piecesHeldInTheWindowArePublishedWhenItEnds() {
        StreamingReplyListener listener = coalescing(Duration.ofMillis(200), 1024);
        listener.delta("first");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 1);

        listener.delta(" and");
        listener.delta(" more");

        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 2);
        assertThat(events.events.get(1)).isEqualTo(delta(2, " and more"));
    }

    @Test
    void heldTextIsPublishedAtOnceWhenItReachesTheSizeLimit() {
        StreamingReplyListener listener = coalescing(Duration.ofHours(1), 10);
        listener.delta("x");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 1);

        listener.delta("0123456789abc");

        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 2);
        assertThat(events.events).containsExactly(delta(1, "x"), delta(2, "0123456789abc"));
    }

    @Test
    void endPublishesWhatIsHeldOnTheCallingThreadAndSeqStaysGapFree() {
        StreamingReplyListener listener = coalescing(Duration.ofHours(1), 5);
        listener.delta("abcdef");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 1);
        listener.delta("g");
        listener.delta("h");

        listener.end();

        assertThat(events.events).containsExactly(delta(1, "abcdef"), delta(2, "gh"));
        assertThat(events.snapshots).containsExactly("abcdef", "abcdefgh");
    }

    @Test
    void publishingNeverRunsOnTheThreadThatDeliversTheModelsText() {
        StreamingReplyListener listener = coalescing(Duration.ofMillis(10), 4);
        String modelThread = Thread.currentThread().getName();

        for (int i = 0; i < 50; i++) {
            listener.delta("piece" + i + " ");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> String.join("", deltaTexts()).length() == textOf50().length());

        assertThat(events.threads).doesNotContain(modelThread);
        assertThat(String.join("", deltaTexts())).isEqualTo(textOf50());
        assertThat(events.events).extracting(e -> ((ReplyDelta) e).seq())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.events.size()).boxed().toList());
    }

    @Test
    void aRestartDropsHeldTextAndIsNumberedBeforeTheTextThatFollowsIt() {
        StreamingReplyListener listener = coalescing(Duration.ofHours(1), 1024);
        listener.delta("first");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 1);
        listener.delta("void text");

        listener.restarted();
        listener.delta("fresh");
        listener.end();

        await().atMost(Duration.ofSeconds(5)).until(() -> events.events.size() == 3);
        List<StreamEvent> published = events.events;
        assertThat(published.get(1)).isInstanceOf(ReplyRestarted.class);
        assertThat(((ReplyRestarted) published.get(1)).seq()).isEqualTo(2);
        assertThat(published.get(2)).isEqualTo(delta(3, "fresh"));
        assertThat(events.snapshots).containsExactly("first", "", "fresh");
    }

    private List<String> deltaTexts() {
        return events.events.stream().map(e -> ((ReplyDelta) e).text()).toList();
    }

    private static String textOf50() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("piece").append(i).append(' ');
        }
        return text.toString();
    }

    private StreamingReplyListener coalescing(Duration window, int maxChars) {
        return new StreamingReplyListener(events, ref, 1, new ReplyCoalescing(window, maxChars, timer,
                Executors.newVirtualThreadPerTaskExecutor()));
    }

    private ReplyDelta delta(long seq, String text) {
        return new ReplyDelta(ref.tenantId(), ref.sessionId(), ref.messageId(), 1, seq, text);
    }
}
