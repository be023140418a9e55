package io.tenantchat.worker.reply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.MessageId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TurnPathTests {

    private Instant idTime = Instant.parse("2026-12-03T10:00:00Z");

    private MessageId id() {
        idTime = idTime.plusMillis(1);
        return MessageId.next(Clock.fixed(idTime, ZoneOffset.UTC));
    }

    private static StoredMessage user(MessageId id, String text) {
        return new StoredMessage(id, Role.USER, text);
    }

    private static StoredMessage reply(MessageId id, String text) {
        return new StoredMessage(id, Role.ASSISTANT, text);
    }

    @Test
    void aConversationThatNeverBranchedIsTakenWholeNewestFirstAndReturnedInOrder() {
        MessageId a = id();
        MessageId b = id();
        MessageId current = id();
        TurnPath path = new TurnPath(current);

        path.offer(user(current, "now?"), null);
        path.offer(reply(b, "B"), null);
        path.offer(user(b, "b"), null);
        path.offer(reply(a, "A"), null);
        path.offer(user(a, "a"), null);

        assertThat(path.inOrder()).containsExactly(user(a, "a"), reply(a, "A"), user(b, "b"), reply(b, "B"));
        assertThat(path.ended()).isFalse();
        assertThat(path.chars()).isEqualTo(4);
    }

    @Test
    void siblingsAndTheirRepliesAreSkippedAndTheOldChainIsFollowedBelowTheFirstBranch() {
        MessageId a = id();
        MessageId b = id();
        MessageId regenerated = id();
        MessageId current = id();
        TurnPath path = new TurnPath(current);

        path.offer(user(current, "now?"), regenerated.value());
        path.offer(reply(regenerated, "B2"), null);
        path.offer(user(regenerated, "b"), a.value());
        path.offer(reply(b, "B"), null);
        path.offer(user(b, "b"), null);
        path.offer(reply(a, "A"), null);
        path.offer(user(a, "a"), null);

        assertThat(path.inOrder()).containsExactly(user(a, "a"), reply(a, "A"), user(regenerated, "b"),
                reply(regenerated, "B2"));
    }

    @Test
    void aTurnThatStartsAgainEndsThePathAtOnce() {
        MessageId a = id();
        MessageId current = id();
        TurnPath path = new TurnPath(current);

        path.offer(user(current, "again"), TurnPath.ROOT);
        path.offer(reply(a, "A"), null);
        path.offer(user(a, "a"), null);

        assertThat(path.ended()).isTrue();
        assertThat(path.inOrder()).isEmpty();
    }

    @Test
    void aTurnOnThePathWithoutAReplyIsKeptAlone() {
        MessageId failed = id();
        MessageId current = id();
        TurnPath path = new TurnPath(current);

        path.offer(user(current, "now?"), failed.value());
        path.offer(user(failed, "lost"), TurnPath.ROOT);

        assertThat(path.inOrder()).containsExactly(user(failed, "lost"));
        assertThat(path.ended()).isTrue();
    }
}
