package io.tenantchat.api.stream.adapter.in.sse;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tenantchat.api.chat.application.ChatLimits;
import io.tenantchat.api.chat.application.ViewMessagesUseCase;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.stream.config.EventStreamProperties;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.stream.application.StreamRepliesUseCase;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.api.web.CallerSlots;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyError;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplyUsage;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/chat/{message_id}/events}: the reply to one of the caller's messages as
 * {@code text/event-stream}, for clients without WebSocket. Fed by the same reply feed as the WebSocket
 * ({@link StreamRepliesUseCase}: stored state, the reply in progress, then live events); {@code delta} frames carry
 * text with ids {@code attempt:chars}, {@code restarted} voids the text so far, and {@code completed} or
 * {@code failed} (id {@code done}) ends the response. A client that reconnects with {@code Last-Event-ID} gets
 * only what it lacks. At most as many streams per user and instance as long polls; each lasts at most
 * {@link EventStreamProperties#maxDuration()} (then the client resumes).
 */
@RestController
class ReplyEventsController {

    private final ViewMessagesUseCase view;
    private final StreamRepliesUseCase streams;
    private final CallerSlots open;
    private final EventStreamProperties settings;
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    ReplyEventsController(ViewMessagesUseCase view, StreamRepliesUseCase streams, ObjectProvider<ChatLimits> limits,
            ObjectProvider<EventStreamProperties> settings) {
        this.view = view;
        this.streams = streams;
        this.open = new CallerSlots(limits.getIfAvailable(ChatLimits::defaults).maxLongPollsPerUser());
        this.settings = settings.getIfAvailable(EventStreamProperties::defaults);
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
        writers.shutdownNow();
    }

    @GetMapping("/api/chat/{messageId}/events")
    @ApiResponse(responseCode = "200", description = "the reply as Server-Sent Events: delta, restarted, then "
            + "completed or failed, which ends the stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(type = "string")))
    SseEmitter events(Caller caller, @PathVariable String messageId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (!MessageId.isValid(messageId)) {
            throw new InvalidRequestException("invalid_message_id", "not a message id");
        }
        ResumePoint resume = resumePoint(lastEventId);
        MessageId id = MessageId.of(messageId);
        Exchange now = view.message(caller, id);
        CallerSlots.Slot slot = open.acquire(caller).orElseThrow(() -> new TooManyRequestsException(
                "too_many_event_streams", "at most " + open.max() + " event streams at once per user", open.max()));
        try {
            return stream(caller, now, resume, slot);
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    private SseEmitter stream(Caller caller, Exchange now, ResumePoint resume, CallerSlots.Slot slot) {
        SseEmitter emitter = new SseEmitter(settings.maxDuration().toMillis());
        AtomicReference<Subscription> subscription = new AtomicReference<>(Subscription.NONE);
        AtomicReference<ScheduledFuture<?>> ticks = new AtomicReference<>();
        ReplyEventStream stream = new ReplyEventStream(emitter, new ReplyFrames(now.message().messageId(), resume),
                writers, () -> {
                    slot.close();
                    subscription.get().close();
                    ScheduledFuture<?> tick = ticks.get();
                    if (tick != null) {
                        tick.cancel(false);
                    }
                });
        if (now.message().status().isTerminal()) {
            stream.accept(terminal(now));
            return emitter;
        }
        stream.keepAlive(); // the headers go out now, not with the first event
        subscription.set(streams.open(caller, now.message().sessionId(), null, stream::accept));
        if (stream.ended()) {
            subscription.get().close();
        } else {
            long every = settings.keepAlive().toMillis();
            ticks.set(keepAlive.scheduleAtFixedRate(stream::keepAlive, every, every, TimeUnit.MILLISECONDS));
            if (stream.ended()) {
                ticks.get().cancel(false);
            }
        }
        return emitter;
    }

    private static ResumePoint resumePoint(String lastEventId) {
        try {
            return ResumePoint.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_last_event_id", "Last-Event-ID is not an event id of this stream");
        }
    }

    /** The stored end of a finished message, as the reply feed would deliver it. */
    private static io.tenantchat.shared.stream.StreamEvent terminal(Exchange exchange) {
        var m = exchange.message();
        if (m.status() == MessageStatus.COMPLETED && exchange.reply().isPresent()) {
            var r = exchange.reply().get();
            return new ReplyCompleted(m.tenantId(), m.sessionId(), m.messageId(), r.content(), r.modelId(),
                    new ReplyUsage(Math.toIntExact(r.inputTokens()), Math.toIntExact(r.outputTokens())),
                    r.stopReason());
        }
        if (m.status() == MessageStatus.CANCELLED) {
            return exchange.reply()
                    .map(r -> new ReplyCancelled(m.tenantId(), m.sessionId(), m.messageId(), r.content(), r.modelId(),
                            new ReplyUsage(Math.toIntExact(r.inputTokens()), Math.toIntExact(r.outputTokens()))))
                    .orElseGet(() -> new ReplyCancelled(m.tenantId(), m.sessionId(), m.messageId(), "", null, null));
        }
        ReplyError error = m.failure().map(e -> new ReplyError(e.code(), e.message()))
                .orElse(new ReplyError("failed", "The reply could not be generated."));
        return new ReplyFailed(m.tenantId(), m.sessionId(), m.messageId(), error);
    }
}
