package io.tenantchat.api.chat.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantchat.api.chat.application.BranchConversationUseCase;
import io.tenantchat.api.chat.application.MessageAccepted;
import io.tenantchat.api.chat.application.MessageTooLargeException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.MetricTenants;
import io.tenantchat.shared.SessionId;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regenerate, edit and switch branches (docs/api.md, docs/adr/006-conversation-branches.md). A regeneration or edit
 * is a new message, admitted, metered and queued as {@code POST /api/chat} (202, {@code Idempotency-Key} honoured);
 * anyone else's ids are 404.
 */
@RestController
class BranchController {

    private final BranchConversationUseCase branches;
    private final ChatRequestCounter requests;

    BranchController(BranchConversationUseCase branches, ObjectProvider<MeterRegistry> registry,
            ObjectProvider<MetricTenants> tenants) {
        this.branches = branches;
        this.requests = new ChatRequestCounter(registry, tenants);
    }

    /** The request body of an edit: the new text. */
    record EditBody(@Nullable String message) {
    }

    /** The request body of a switch: the message (turn) to make active. */
    record ActiveBody(@Nullable String messageId) {
    }

    @PostMapping("/api/chat/{messageId}/regenerate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<AcceptedResponse> regenerate(Caller caller, @PathVariable String messageId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        MessageAccepted accepted = branches.regenerate(caller, messageId(messageId),
                ChatController.idempotencyKey(idempotencyKey));
        requests.accepted(caller.tenantId(), "regenerate");
        return accepted(accepted);
    }

    @PostMapping("/api/chat/{messageId}/edit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<AcceptedResponse> edit(Caller caller, @PathVariable String messageId,
            @RequestBody EditBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        MessageId sibling = messageId(messageId);
        String text = body.message() == null ? "" : body.message();
        MessageAccepted accepted = branches.edit(caller, sibling, text,
                ChatController.idempotencyKey(idempotencyKey));
        requests.accepted(caller.tenantId(), "edit");
        return accepted(accepted);
    }

    @PutMapping("/api/sessions/{sessionId}/active")
    ConversationResponse activate(Caller caller, @PathVariable String sessionId, @RequestBody ActiveBody body) {
        if (!SessionId.isValid(sessionId)) {
            throw new InvalidRequestException("invalid_session_id", "not a session id");
        }
        if (body.messageId() == null || !MessageId.isValid(body.messageId())) {
            throw new InvalidRequestException("invalid_message_id", "message_id must be a message id");
        }
        return ConversationResponse.of(sessionId,
                branches.activate(caller, SessionId.of(sessionId), MessageId.of(body.messageId())));
    }

    /** An edit longer than a message may be: 413, as {@code POST /api/chat} answers. */
    @ExceptionHandler(MessageTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(MessageTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    private static MessageId messageId(String value) {
        if (!MessageId.isValid(value)) {
            throw new InvalidRequestException("invalid_message_id", "not a message id");
        }
        return MessageId.of(value);
    }

    private static ResponseEntity<AcceptedResponse> accepted(MessageAccepted accepted) {
        String id = accepted.messageId().value();
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(URI.create("/api/chat/" + id));
        if (accepted.quotaWarning() != null) {
            response.header("Quota-Warning", accepted.quotaWarning());
        }
        return response.body(new AcceptedResponse(id, accepted.sessionId().value(), accepted.status().wireValue()));
    }
}
