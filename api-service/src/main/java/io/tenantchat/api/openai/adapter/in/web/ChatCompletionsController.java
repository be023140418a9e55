package io.tenantchat.api.openai.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tenantchat.api.chat.application.CancelChatMessageUseCase;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.stream.config.EventStreamProperties;
import io.tenantchat.api.openai.config.OpenAiProperties;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.openai.application.StartCompletionUseCase;
import io.tenantchat.api.openai.application.StartedCompletion;
import io.tenantchat.api.stream.application.StreamRepliesUseCase;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.api.web.CallerSlots;
import io.tenantchat.api.web.OpenAiErrorResponses;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.StreamEvent;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/chat/completions}: the request is accepted through the chat pipeline (a session of kind
 * {@code api} with one message), then answered from the reply events the SSE and WebSocket paths use (stored state,
 * then live events, pushed; no polling here): streamed as {@code chat.completion.chunk} events, or, without
 * {@code stream}, as one {@code chat.completion} once the reply ended, without holding a servlet thread. A
 * completion is waited for at most {@link OpenAiProperties#completionTimeout()} (then 504, or an error event). A
 * client that leaves a streamed completion before its last event stops the reply, as
 * {@code POST /api/chat/{id}/cancel} would: nobody reads it, and the model's tokens would still be spent.
 */
@RestController
class ChatCompletionsController {

    static final String MESSAGE_ID_HEADER = "TenantChat-Message-Id";
    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsController.class);

    private final StartCompletionUseCase completions;
    private final @Nullable CancelChatMessageUseCase cancels;
    private final StreamRepliesUseCase streams;
    private final OpenAiProperties settings;
    private final CompletionRequests requests;
    private final Duration keepAliveEvery;
    private final Clock clock;
    private final CallerSlots open;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "v1-completion-timers");
        thread.setDaemon(true);
        return thread;
    });

    ChatCompletionsController(StartCompletionUseCase completions, StreamRepliesUseCase streams,
            ObjectProvider<OpenAiProperties> settings, ObjectProvider<EventStreamProperties> events,
            ObjectProvider<Clock> clock, ObjectProvider<CancelChatMessageUseCase> cancels) {
        this.completions = completions;
        this.cancels = cancels.getIfAvailable();
        this.streams = streams;
        this.settings = settings.getIfAvailable(OpenAiProperties::defaults);
        this.requests = new CompletionRequests(this.settings);
        this.keepAliveEvery = events.getIfAvailable(EventStreamProperties::defaults).keepAlive();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.open = new CallerSlots(this.settings.maxOpenPerCaller());
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "a chat.completion, or with stream: true chat.completion.chunk "
            + "events ending with data: [DONE]", content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ChatCompletion.class)),
                @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"))})
    Object complete(Caller caller, @RequestBody(required = false) @Nullable JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        CompletionRequest request = requests.read(body);
        IdempotencyKey key = idempotencyKey(idempotencyKey);
        CallerSlots.Slot slot = open.acquire(caller).orElseThrow(() -> new TooManyRequestsException(
                "too_many_open_completions", "at most " + open.max() + " completions at once per caller",
                open.max()));
        try {
            StartedCompletion started = completions.start(caller, request.conversation(), key);
            return request.stream() ? streamed(caller, started, request, slot) : waited(caller, started, request, slot);
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    private ResponseEntity<SseEmitter> streamed(Caller caller, StartedCompletion started, CompletionRequest request,
            CallerSlots.Slot slot) {
        SseEmitter emitter = new SseEmitter(settings.completionTimeout().plusSeconds(30).toMillis());
        CompletionChunks chunks = new CompletionChunks(started.messageId(), request.conversation().model(),
                clock.instant().getEpochSecond(), request.includeUsage(), request.outputCap());
        AtomicReference<Subscription> subscription = new AtomicReference<>(Subscription.NONE);
        AtomicReference<ScheduledFuture<?>> timeout = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> ticks = new AtomicReference<>();
        CompletionEventStream stream = new CompletionEventStream(emitter, clientLeft -> {
            slot.close();
            subscription.get().close();
            cancel(timeout.get());
            cancel(ticks.get());
            if (clientLeft) {
                Thread.ofVirtual().name("v1-abandoned").start(() -> stopAbandoned(caller, started));
            }
        });
        stream.send(chunks.start(), false);
        subscription.set(streams.open(caller, started.sessionId(), null, event -> {
            synchronized (chunks) {
                stream.send(chunks.on(event), chunks.finished());
            }
        }));
        timeout.set(timers.schedule(() -> {
            synchronized (chunks) {
                stream.send(chunks.timedOut(), true);
            }
        }, settings.completionTimeout().toMillis(), TimeUnit.MILLISECONDS));
        long every = keepAliveEvery.toMillis();
        ticks.set(timers.scheduleAtFixedRate(stream::keepAlive, every, every, TimeUnit.MILLISECONDS));
        if (stream.ended()) { // it ended before the timers were set
            subscription.get().close();
            cancel(timeout.get());
            cancel(ticks.get());
        }
        return headers(ResponseEntity.ok(), started).contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    private DeferredResult<ResponseEntity<?>> waited(Caller caller, StartedCompletion started,
            CompletionRequest request, CallerSlots.Slot slot) {
        DeferredResult<ResponseEntity<?>> result = new DeferredResult<>(
                settings.completionTimeout().plusSeconds(30).toMillis());
        long created = clock.instant().getEpochSecond();
        Subscription subscription = streams.open(caller, started.sessionId(), null, event -> {
            if (event.messageId().equals(started.messageId()) && CompletionAnswers.isEnd(event)) {
                result.setResult(answer(event, started, request, created));
            }
        });
        ScheduledFuture<?> timeout = timers.schedule(() -> result.setResult(error(HttpStatus.GATEWAY_TIMEOUT,
                        "timeout", "the reply took longer than this API waits; read it with GET /api/chat/"
                                + started.messageId().value())),
                settings.completionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Runnable end = () -> {
            slot.close();
            subscription.close();
            timeout.cancel(false);
        };
        result.onCompletion(end);
        result.onTimeout(end);
        result.onError(e -> end.run());
        if (result.hasResult()) {
            end.run();
        }
        return result;
    }

    private ResponseEntity<?> answer(StreamEvent end, StartedCompletion started, CompletionRequest request,
            long created) {
        if (end instanceof ReplyFailed failed) {
            CompletionAnswers.Failure failure = CompletionAnswers.failure(failed);
            return error(failure.status(), failure.code(), failure.message());
        }
        return headers(ResponseEntity.ok(), started).contentType(MediaType.APPLICATION_JSON).body(
                CompletionAnswers.completion(end, request.conversation().model(), created, request.outputCap()));
    }

    private static ResponseEntity<?> error(HttpStatus status, String code, String message) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(OpenAiErrorResponses.body(status, code, message, null));
    }

    private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder response, StartedCompletion started) {
        response.header(MESSAGE_ID_HEADER, started.messageId().value());
        if (started.quotaWarning() != null) {
            response.header("Quota-Warning", started.quotaWarning());
        }
        return response;
    }

    /** The client left before the reply's end: stop it (a reply that ended meanwhile is left as it is). */
    private void stopAbandoned(Caller caller, StartedCompletion started) {
        if (cancels == null) {
            return;
        }
        try {
            cancels.cancel(caller, started.messageId());
            log.info("Completion {} stopped: its client left the stream", started.messageId().value());
        } catch (RuntimeException e) {
            log.debug("Completion {} not stopped after its client left: {}", started.messageId().value(), e.toString());
        }
    }

    private static void cancel(@Nullable ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static @Nullable IdempotencyKey idempotencyKey(@Nullable String header) {
        if (header == null) {
            return null;
        }
        if (!IdempotencyKey.isValid(header)) {
            throw new InvalidParameterException("invalid_idempotency_key", null,
                    "Idempotency-Key must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters");
        }
        return new IdempotencyKey(header);
    }
}
