package io.tenantchat.api.chat.adapter.in.web;

import io.tenantchat.api.chat.application.CancelChatMessageUseCase;
import io.tenantchat.api.chat.application.MessageAccepted;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/chat/{messageId}/cancel}: the author of a message stops its reply. 202 with the message's state:
 * {@code cancelled} (it was queued, or was cancelled before) or {@code processing} (the worker holding it is
 * stopping it; the terminal {@code cancelled} state follows). 409 {@code message_finished} once it completed or
 * failed; 404 for anyone else's message.
 */
@RestController
class CancelController {

    private final CancelChatMessageUseCase cancel;

    CancelController(CancelChatMessageUseCase cancel) {
        this.cancel = cancel;
    }

    @PostMapping("/api/chat/{messageId}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<AcceptedResponse> cancel(Caller caller, @PathVariable String messageId) {
        if (!MessageId.isValid(messageId)) {
            throw new InvalidRequestException("invalid_message_id", "not a message id");
        }
        MessageAccepted state = cancel.cancel(caller, MessageId.of(messageId));
        return ResponseEntity.accepted().location(URI.create("/api/chat/" + messageId))
                .body(new AcceptedResponse(messageId, state.sessionId().value(), state.status().wireValue()));
    }
}
