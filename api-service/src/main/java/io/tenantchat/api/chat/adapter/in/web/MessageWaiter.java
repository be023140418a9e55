package io.tenantchat.api.chat.adapter.in.web;

import io.tenantchat.api.chat.application.ChatLimits;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.api.web.CallerSlots;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.StreamEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polls without holding a servlet thread. With live reply events (Redis) a poll waits on the events of its
 * message's session: it reads the message once after subscribing, again only when an event of that message may
 * have changed its status (or the live channel reconnected), and once when the wait ends. Without live events the
 * message is re-read every {@code pollInterval} (it is pending: a finished message is answered at once).
 */
final class MessageWaiter implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "long-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration pollInterval;
    private final int maxWaitSeconds;
    private final CallerSlots waiting;
    private final @Nullable LiveReplies live;

    /** @param liveOrNull the live reply events; {@code null} or without worker events: re-read on a timer */
    MessageWaiter(ChatLimits limits, @Nullable LiveReplies liveOrNull) {
        this.pollInterval = limits.pollInterval();
        this.maxWaitSeconds = (int) limits.maxWait().toSeconds();
        this.waiting = new CallerSlots(limits.maxLongPollsPerUser());
        this.live = liveOrNull != null && liveOrNull.carriesWorkerEvents() ? liveOrNull : null;
    }

    int maxWaitSeconds() {
        return maxWaitSeconds;
    }

    /** Long polls waiting now, of all callers. */
    int waiting() {
        return waiting.total();
    }

    /**
     * Answers with {@code read}'s exchange once its status differs from {@code first}'s, or after {@code wait}. The
     * caller's slot is held until the request completes however it ends (answered, timed out, failed, client gone).
     *
     * @throws TooManyRequestsException {@code too_many_long_polls} when the caller holds its maximum already
     */
    DeferredResult<MessageResponse> await(Caller caller, Exchange first, Supplier<Exchange> read, Duration wait) {
        CallerSlots.Slot slot = waiting.acquire(caller).orElseThrow(() -> new TooManyRequestsException(
                "too_many_long_polls", "at most " + waiting.max() + " long polls at once per user; wait for one "
                + "to end or poll without wait", waiting.max()));
        try {
            DeferredResult<MessageResponse> result = new DeferredResult<>(wait.toMillis() + 5_000);
            Wait pending = new Wait(first, read, System.nanoTime() + wait.toNanos(), result);
            result.onCompletion(() -> {
                slot.close();
                pending.end();
            });
            LiveReplies events = live;
            if (events != null) {
                pending.onEvents(events, caller, wait);
            } else {
                pending.timers.add(scheduler.scheduleWithFixedDelay(pending::check, pollInterval.toMillis(),
                        pollInterval.toMillis(), TimeUnit.MILLISECONDS));
            }
            return result;
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /** One waiting long poll. */
    private final class Wait {

        private final Exchange first;
        private final Supplier<Exchange> read;
        private final long deadline;
        private final DeferredResult<MessageResponse> result;
        private final List<Future<?>> timers = new CopyOnWriteArrayList<>();
        private volatile Subscription events = Subscription.NONE;

        Wait(Exchange first, Supplier<Exchange> read, long deadline, DeferredResult<MessageResponse> result) {
            this.first = first;
            this.read = read;
            this.deadline = deadline;
            this.result = result;
        }

        void onEvents(LiveReplies live, Caller caller, Duration wait) {
            MessageId id = first.message().messageId();
            events = live.subscribe(caller.tenantId(), first.message().sessionId(), new LiveReplies.Listener() {
                @Override
                public void event(StreamEvent event) {
                    if (event.messageId().equals(id) && changesStatus(event)) {
                        scheduler.execute(Wait.this::check);
                    }
                }

                @Override
                public void changed() {
                    scheduler.execute(Wait.this::check);
                }
            });
            timers.add(scheduler.schedule(this::check, wait.toMillis(), TimeUnit.MILLISECONDS));
            scheduler.execute(this::check); // a change between the first read and the subscription
            if (result.isSetOrExpired()) {
                end();
            }
        }

        /** A queued message changes with its first event; a processing one only when it ends (or is cancelled). */
        private boolean changesStatus(StreamEvent event) {
            return first.message().status() == MessageStatus.QUEUED
                    || event instanceof ReplyCompleted || event instanceof ReplyFailed
                    || event instanceof ReplyCancelled;
        }

        void check() {
            if (result.isSetOrExpired()) {
                return;
            }
            try {
                Exchange now = read.get();
                if (now.message().status() != first.message().status() || System.nanoTime() >= deadline) {
                    result.setResult(MessageResponse.of(now));
                }
            } catch (RuntimeException e) {
                result.setErrorResult(e);
            }
            if (result.isSetOrExpired()) {
                end();
            }
        }

        void end() {
            events.close();
            timers.forEach(timer -> timer.cancel(false));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
