package io.tenantchat.api.chat.adapter.in.web;

import io.tenantchat.api.chat.application.MessageAccepted;
import io.tenantchat.api.chat.application.RetryChatMessageUseCase;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.MetricTenants;
import org.springframework.beans.factory.ObjectProvider;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/chat/{messageId}/retry}: the author of a failed message asks for another reply attempt. */
@RestController
class RetryController {

    private final RetryChatMessageUseCase retry;
    private final ChatRequestCounter requests;

    RetryController(RetryChatMessageUseCase retry, ObjectProvider<MeterRegistry> registry,
            ObjectProvider<MetricTenants> tenants) {
        this.retry = retry;
        this.requests = new ChatRequestCounter(registry, tenants);
    }

    @PostMapping("/api/chat/{messageId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<AcceptedResponse> retry(Caller caller, @PathVariable String messageId) {
        if (!MessageId.isValid(messageId)) {
            throw new InvalidRequestException("invalid_message_id", "not a message id");
        }
        MessageAccepted accepted = retry.retry(caller, MessageId.of(messageId));
        requests.accepted(caller.tenantId(), "retry");
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(URI.create("/api/chat/" + messageId));
        if (accepted.quotaWarning() != null) {
            response.header("Quota-Warning", accepted.quotaWarning());
        }
        return response.body(new AcceptedResponse(messageId, accepted.sessionId().value(),
                accepted.status().wireValue()));
    }
}
