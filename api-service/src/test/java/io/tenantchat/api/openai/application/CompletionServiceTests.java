package io.tenantchat.api.openai.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.application.MessageAccepted;
import io.tenantchat.api.chat.application.SubmitChatMessage;
import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.support.InMemorySessionRepository;
import io.tenantchat.shared.GivenConversation;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletionServiceTests {

    private static final Caller CALLER = new Caller(TenantId.of("acme"), UserId.of("svc-1"), Set.of());
    private static final GivenConversation HELLO = new GivenConversation(List.of(
            new GivenConversation.Message("system", "Be brief."), new GivenConversation.Message("user", "Hello")),
            "model-a", 16, 0.3);

    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final List<SubmitChatMessage> submitted = new ArrayList<>();
    private RuntimeException refusal;
    private final CompletionService service = new CompletionService(
            new AllowedModels(List.of("model-a"), tenant -> Optional.empty()), sessions, command -> {
                if (refusal != null) {
                    throw refusal;
                }
                submitted.add(command);
                SessionId session = SessionId.of(command.claimed().sessionId());
                return new MessageAccepted(MessageId.next(Clock.systemUTC()), session, MessageStatus.QUEUED);
            }, Clock.systemUTC());

    @Test
    void aCompletionIsOneMessageInANewSessionOfKindApiCarryingTheGivenConversation() {
        StartedCompletion started = service.start(CALLER, HELLO, null);

        ChatSession session = sessions.find(CALLER.tenantId(), CALLER.userId(), started.sessionId()).orElseThrow();
        assertThat(session.kind()).isEqualTo(ChatSession.API);
        assertThat(submitted).singleElement().satisfies(command -> {
            assertThat(command.given()).isEqualTo(HELLO);
            assertThat(command.message()).isEqualTo("Hello");
            assertThat(command.claimed().sessionId()).isEqualTo(started.sessionId().value());
            assertThat(command.caller()).isEqualTo(CALLER);
        });
    }

    @Test
    void aModelTheTenantMayNotUseIsNotFoundAndNothingIsStored() {
        GivenConversation other = new GivenConversation(HELLO.messages(), "gpt-4o", null, null);

        assertThatThrownBy(() -> service.start(CALLER, other, null)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).isEqualTo("model_not_found"));
        assertThat(sessions.listForUser(CALLER.tenantId(), CALLER.userId(), 10)).isEmpty();
        assertThat(submitted).isEmpty();
    }

    @Test
    void aRefusedCompletionLeavesNoEmptySessionBehind() {
        refusal = new TooManyRequestsException("messages_per_day_exceeded", "limit", 1);

        assertThatThrownBy(() -> service.start(CALLER, HELLO, null)).isSameAs(refusal);
        assertThat(sessions.listForUser(CALLER.tenantId(), CALLER.userId(), 10)).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyNamesTheSameSessionSoTheChatPipelineAnswersWithTheOriginal() {
        IdempotencyKey key = new IdempotencyKey("request-1");

        StartedCompletion first = service.start(CALLER, HELLO, key);
        StartedCompletion repeat = service.start(CALLER, HELLO, key);

        assertThat(repeat.sessionId()).isEqualTo(first.sessionId());
        assertThat(submitted).extracting(SubmitChatMessage::idempotencyKey).containsOnly(key);
        Caller other = new Caller(TenantId.of("other"), CALLER.userId(), Set.of());
        assertThat(CompletionService.sessionFor(other, key)).isNotEqualTo(first.sessionId());
    }
}
