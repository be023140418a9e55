package io.tenantchat.api.chat.adapter.in.web;

import io.tenantchat.api.chat.application.MessageAccepted;
import io.tenantchat.api.chat.application.SubmitChatMessage;
import io.tenantchat.api.chat.application.SubmitChatMessageUseCase;
import io.tenantchat.api.chat.application.TenantContext;
import io.tenantchat.api.chat.application.ViewMessagesUseCase;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChatController {

    private final SubmitChatMessageUseCase submit;
    private final ViewMessagesUseCase view;

    ChatController(SubmitChatMessageUseCase submit, ViewMessagesUseCase view) {
        this.submit = submit;
        this.view = view;
    }

    @PostMapping("/api/chat")
    ResponseEntity<AcceptedResponse> send(Caller caller, @RequestBody ChatRequestBody body) {
        MessageAccepted accepted = submit.submit(new SubmitChatMessage(caller, body.message(), claimed(body)));
        String id = accepted.messageId().value();
        return ResponseEntity.accepted().location(URI.create("/api/chat/" + id))
                .body(new AcceptedResponse(id, accepted.sessionId().value(), accepted.status().wireValue()));
    }

    @GetMapping("/api/chat/{messageId}")
    MessageResponse message(Caller caller, @PathVariable String messageId) {
        if (!MessageId.isValid(messageId)) {
            throw new InvalidRequestException("invalid_message_id", "not a message id");
        }
        return MessageResponse.of(view.message(caller, MessageId.of(messageId)));
    }

    @GetMapping("/api/sessions/{sessionId}/messages")
    ConversationResponse conversation(Caller caller, @PathVariable String sessionId) {
        if (!SessionId.isValid(sessionId)) {
            throw new InvalidRequestException("invalid_session_id", "not a session id");
        }
        return ConversationResponse.of(sessionId, view.conversation(caller, SessionId.of(sessionId)));
    }

    private static TenantContext claimed(ChatRequestBody body) {
        var c = body.tenantContext();
        return c == null ? null : new TenantContext(c.tenantId(), c.userId(), c.sessionId());
    }
}
