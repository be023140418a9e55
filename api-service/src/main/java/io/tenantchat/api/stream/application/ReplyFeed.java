package io.tenantchat.api.stream.application;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.chat.domain.Reply;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyDelta;
import io.tenantchat.shared.stream.ReplyError;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.stream.ReplySnapshot;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.stream.StreamEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The events of one subscription, each delivered once and in order, whether it comes from the stored messages,
 * a snapshot or the live channel: a finished reply is sent once; text is sent only past the last position
 * (attempt, seq) sent for its message; a newer attempt is announced by {@code restarted}. Live events are held
 * back until the stored messages are replayed.
 */
final class ReplyFeed {

    private record Position(int attempt, long seq) {

        boolean isBefore(int otherAttempt, long otherSeq) {
            return attempt < otherAttempt || (attempt == otherAttempt && seq < otherSeq);
        }
    }

    private final TenantId tenantId;
    private final SessionId sessionId;
    private final Consumer<StreamEvent> sink;
    private final Map<MessageId, Position> positions = new HashMap<>();
    private final Set<MessageId> finished = new HashSet<>();
    private @Nullable List<StreamEvent> heldBack = new ArrayList<>();
    private @Nullable MessageId cursor;

    ReplyFeed(TenantId tenantId, SessionId sessionId, @Nullable MessageId after, Consumer<StreamEvent> sink) {
        this.tenantId = tenantId;
        this.sessionId = sessionId;
        this.cursor = after;
        this.sink = sink;
    }

    /** Every stored message up to here is finished and sent: the next replay starts after it. */
    synchronized @Nullable MessageId cursor() {
        return cursor;
    }

    synchronized void live(StreamEvent event) {
        if (heldBack != null) {
            heldBack.add(event);
        } else {
            deliver(event);
        }
    }

    /** The replay is done: held-back live events follow, then live events flow straight through. */
    synchronized void goLive() {
        List<StreamEvent> held = heldBack;
        heldBack = null;
        if (held != null) {
            held.forEach(this::deliver);
        }
    }

    /**
     * A stored exchange, in conversation order; {@code snapshot} is the reply in progress, when there is one.
     *
     * @return whether the exchange is finished (completed, failed or cancelled)
     */
    synchronized boolean stored(Exchange exchange, Optional<ReplySnapshot> snapshot, boolean advanceCursor) {
        MessageId id = exchange.message().messageId();
        MessageStatus status = exchange.message().status();
        if (status == MessageStatus.COMPLETED && exchange.reply().isPresent()) {
            deliver(completed(id, exchange.reply().get()));
        } else if (status == MessageStatus.FAILED) {
            deliver(failed(exchange));
        } else if (status == MessageStatus.CANCELLED) {
            deliver(cancelled(id, exchange.reply().orElse(null)));
        } else {
            snapshot.ifPresent(this::caughtUp);
            return false;
        }
        if (advanceCursor) {
            cursor = id;
        }
        return true;
    }

    /** Whether the message still needs a snapshot read: in progress and nothing sent for it yet. */
    synchronized boolean needsSnapshot(MessageId id) {
        return !finished.contains(id) && !positions.containsKey(id);
    }

    /**
     * A snapshot stands for all text so far, so it is used only while nothing of that reply was sent: once a live
     * event of it arrived, the live events (subscribed before the snapshot was read) carry every later piece.
     */
    private void caughtUp(ReplySnapshot snapshot) {
        if (!needsSnapshot(snapshot.messageId())) {
            return;
        }
        if (snapshot.text().isEmpty()) {
            positions.merge(snapshot.messageId(), new Position(snapshot.attempt(), snapshot.seq()),
                    (known, seen) -> known.isBefore(seen.attempt(), seen.seq()) ? seen : known);
            return;
        }
        deliver(new ReplyDelta(tenantId, sessionId, snapshot.messageId(), snapshot.attempt(), snapshot.seq(),
                snapshot.text()));
    }

    private void deliver(StreamEvent event) {
        if (finished.contains(event.messageId())) {
            return;
        }
        if (event instanceof ReplyDelta delta) {
            text(delta);
        } else if (event instanceof ReplyRestarted restarted) {
            restart(restarted);
        } else if (event instanceof ReplyCompleted || event instanceof ReplyFailed
                || event instanceof ReplyCancelled) {
            finish(event);
        } // a settled hint is no frame: the live adapters turn it into a re-read
    }

    private void text(ReplyDelta delta) {
        Position known = positions.get(delta.messageId());
        if (known != null && !known.isBefore(delta.attempt(), delta.seq())) {
            return;
        }
        if (known != null && known.attempt() < delta.attempt()) {
            sink.accept(new ReplyRestarted(tenantId, sessionId, delta.messageId(), delta.attempt(), 0));
        }
        positions.put(delta.messageId(), new Position(delta.attempt(), delta.seq()));
        sink.accept(delta);
    }

    private void restart(ReplyRestarted restarted) {
        Position known = positions.get(restarted.messageId());
        if (known != null && !known.isBefore(restarted.attempt(), restarted.seq())) {
            return;
        }
        positions.put(restarted.messageId(), new Position(restarted.attempt(), restarted.seq()));
        sink.accept(restarted);
    }

    private void finish(StreamEvent event) {
        finished.add(event.messageId());
        positions.remove(event.messageId());
        sink.accept(event);
    }

    private ReplyCompleted completed(MessageId id, Reply reply) {
        return new ReplyCompleted(tenantId, sessionId, id, reply.content(), reply.modelId(),
                new ReplyUsage(Math.toIntExact(reply.inputTokens()), Math.toIntExact(reply.outputTokens())),
                reply.stopReason());
    }

    /** The stored text generated until the stop (none when the message was cancelled while queued). */
    private ReplyCancelled cancelled(MessageId id, @Nullable Reply reply) {
        if (reply == null) {
            return new ReplyCancelled(tenantId, sessionId, id, "", null, null);
        }
        return new ReplyCancelled(tenantId, sessionId, id, reply.content(), reply.modelId(),
                new ReplyUsage(Math.toIntExact(reply.inputTokens()), Math.toIntExact(reply.outputTokens())));
    }

    private ReplyFailed failed(Exchange exchange) {
        ReplyError error = exchange.message().failure()
                .map(e -> new ReplyError(e.code(), e.message()))
                .orElse(new ReplyError("failed", "The reply could not be generated."));
        return new ReplyFailed(tenantId, sessionId, exchange.message().messageId(), error);
    }
}
