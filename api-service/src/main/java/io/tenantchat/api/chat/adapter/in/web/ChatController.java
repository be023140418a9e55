package io.tenantchat.api.chat.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tenantchat.api.chat.application.ChatLimits;
import io.tenantchat.api.chat.application.ConversationPage;
import io.tenantchat.api.chat.application.MessageAccepted;
import io.tenantchat.api.chat.application.MessageTooLargeException;
import io.tenantchat.api.chat.application.SubmitChatMessage;
import io.tenantchat.api.chat.application.SubmitChatMessageUseCase;
import io.tenantchat.api.chat.application.TenantContext;
import io.tenantchat.api.chat.application.ViewMessagesUseCase;
import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.shared.SessionId;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
class ChatController {

    private final SubmitChatMessageUseCase submit;
    private final ViewMessagesUseCase view;
    private final MessageWaiter waiter;
    private final ChatRequestCounter requests;
    private final Timer useCase;

    ChatController(SubmitChatMessageUseCase submit, ViewMessagesUseCase view, ObjectProvider<ChatLimits> limits,
            ObjectProvider<MeterRegistry> registry, ObjectProvider<MetricTenants> tenants,
            ObjectProvider<LiveReplies> live) {
        this.requests = new ChatRequestCounter(registry, tenants);
        // the accept without the web stack around it (http.server.requests has that): where an accept's time goes
        this.useCase = Timer.builder("tenantchat.chat.accept")
                .description("POST /api/chat's use case: admission, the one write and the job's send")
                .publishPercentileHistogram().register(registry.getIfAvailable(() -> Metrics.globalRegistry));
        this.submit = submit;
        this.view = view;
        this.waiter = new MessageWaiter(limits.getIfAvailable(ChatLimits::defaults), live.getIfAvailable());
    }

    @PreDestroy
    void stopWaiting() {
        waiter.close();
    }

    @PostMapping("/api/chat")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<AcceptedResponse> send(Caller caller, @RequestBody ChatRequestBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        MessageId parent = body.parentMessageId() == null ? null : parent(body.parentMessageId());
        SubmitChatMessage command = new SubmitChatMessage(caller, body.message(), claimed(body),
                idempotencyKey(idempotencyKey), parent);
        MessageAccepted accepted = useCase.record(() -> submit.submit(command));
        requests.accepted(caller.tenantId(), parent == null ? "send" : "edit");
        String id = accepted.messageId().value();
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(URI.create("/api/chat/" + id));
        if (accepted.quotaWarning() != null) {
            response.header("Quota-Warning", accepted.quotaWarning());
        }
        return response.body(new AcceptedResponse(id, accepted.sessionId().value(), accepted.status().wireValue()));
    }

    /**
     * The message now ({@link MessageResponse}), or with {@code wait} a {@link DeferredResult} answered once its
     * status changes, at most {@code wait} seconds later, without holding a servlet thread meanwhile.
     */
    @GetMapping("/api/chat/{messageId}")
    @ApiResponse(responseCode = "200", description = "the message, with its reply or error once there is one",
            content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    Object message(Caller caller, @PathVariable String messageId,
            @RequestParam(required = false) @Nullable Integer wait) {
        if (!MessageId.isValid(messageId)) {
            throw new InvalidRequestException("invalid_message_id", "not a message id");
        }
        MessageId id = MessageId.of(messageId);
        int seconds = waitSeconds(wait);
        Exchange now = view.message(caller, id);
        if (seconds == 0 || now.message().status().isTerminal()) {
            return MessageResponse.of(now);
        }
        return waiter.await(caller, now, () -> view.message(caller, id), Duration.ofSeconds(seconds));
    }

    @GetMapping("/api/sessions/{sessionId}/messages")
    ConversationResponse conversation(Caller caller, @PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer limit) {
        if (!SessionId.isValid(sessionId)) {
            throw new InvalidRequestException("invalid_session_id", "not a session id");
        }
        if (after != null && !MessageId.isValid(after)) {
            throw new InvalidRequestException("invalid_cursor", "after must be a message id");
        }
        ConversationPage page = view.conversation(caller, SessionId.of(sessionId),
                after == null ? null : MessageId.of(after), limit == null ? ConversationPage.DEFAULT_LIMIT : limit);
        return ConversationResponse.of(sessionId, page);
    }

    @ExceptionHandler(MessageTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(MessageTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    private static MessageId parent(String value) {
        if (!MessageId.isValid(value)) {
            throw new InvalidRequestException("invalid_parent_message_id", "parent_message_id is not a message id");
        }
        return MessageId.of(value);
    }

    private int waitSeconds(@Nullable Integer wait) {
        if (wait == null) {
            return 0;
        }
        if (wait < 0 || wait > waiter.maxWaitSeconds()) {
            throw new InvalidRequestException("invalid_wait", "wait must be between 0 and "
                    + waiter.maxWaitSeconds() + " seconds");
        }
        return wait;
    }

    static @Nullable IdempotencyKey idempotencyKey(@Nullable String header) {
        if (header == null) {
            return null;
        }
        if (!IdempotencyKey.isValid(header)) {
            throw new InvalidRequestException("invalid_idempotency_key",
                    "Idempotency-Key must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters");
        }
        return new IdempotencyKey(header);
    }

    private static @Nullable TenantContext claimed(ChatRequestBody body) {
        var c = body.tenantContext();
        return c == null ? null : new TenantContext(c.tenantId(), c.userId(), c.sessionId());
    }
}
