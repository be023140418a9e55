package io.tenantchat.api.chat.adapter.in.web;

import io.tenantchat.api.chat.application.ChatLimits;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.web.CallerSlots;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polls without holding a servlet thread: the message is re-read on a shared scheduler until its status
 * changes or the wait ends, then the request is answered with what it is then.
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

    MessageWaiter(ChatLimits limits) {
        this.pollInterval = limits.pollInterval();
        this.maxWaitSeconds = (int) limits.maxWait().toSeconds();
        this.waiting = new CallerSlots(limits.maxLongPollsPerUser());
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
            long deadline = System.nanoTime() + wait.toNanos();
            AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
            result.onCompletion(() -> {
                slot.close();
                ScheduledFuture<?> future = polling.get();
                if (future != null) {
                    future.cancel(false);
                }
            });
            polling.set(scheduler.scheduleWithFixedDelay(() -> check(first, read, deadline, result, polling),
                    pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS));
            return result;
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    private static void check(Exchange first, Supplier<Exchange> read, long deadline,
            DeferredResult<MessageResponse> result, AtomicReference<ScheduledFuture<?>> polling) {
        try {
            Exchange now = read.get();
            if (now.message().status() != first.message().status() || System.nanoTime() >= deadline) {
                result.setResult(MessageResponse.of(now));
            }
        } catch (RuntimeException e) {
            result.setErrorResult(e);
        }
        if (result.isSetOrExpired()) {
            ScheduledFuture<?> future = polling.get();
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
