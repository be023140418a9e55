package io.tenantchat.api.chat.application;

import static io.tenantchat.api.support.Callers.ALICE;
import static io.tenantchat.api.support.Callers.ANNA;
import static io.tenantchat.api.support.Callers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.chat.domain.IdempotencyKey;
import io.tenantchat.api.chat.domain.MessageStatus;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.UnavailableException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.application.SessionService;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.support.InMemoryMessageStore;
import io.tenantchat.api.support.InMemorySessionRepository;
import io.tenantchat.api.support.RecordingConversationEraser;
import io.tenantchat.shared.ChatRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatServiceTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final InMemoryMessageStore messages = new InMemoryMessageStore(sessions);
    private final List<ChatRequested> queued = new ArrayList<>();
    private boolean queueDown;
    private final ChatService chat = new ChatService(sessions, messages, job -> {
        if (queueDown) {
            throw new UnavailableException("queue_unavailable", "down");
        }
        queued.add(job);
    }, clock);
    private final SessionService sessionService = new SessionService(sessions, new RecordingConversationEraser(), clock);

    @Test
    void storesTheMessageAndQueuesOneJobGroupedByTenantAndSession() {
        ChatSession session = sessionService.start(ALICE);

        MessageAccepted accepted = chat.submit(command(ALICE, "Hello", context(ALICE, session)));

        assertThat(accepted.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(messages.all()).singleElement().satisfies(m -> {
            assertThat(m.content()).isEqualTo("Hello");
            assertThat(m.tenantId()).isEqualTo(ALICE.tenantId());
        });
        assertThat(queued).singleElement().satisfies(job -> {
            assertThat(job.messageId()).isEqualTo(accepted.messageId());
            assertThat(job.messageGroupId()).isEqualTo("tenant-001#" + session.sessionId().value());
        });
    }

    @Test
    void refusesATenantContextNamingAnotherTenant() {
        ChatSession session = sessionService.start(ALICE);
        TenantContext forged = new TenantContext("tenant-002", ALICE.userId().value(), session.sessionId().value());

        assertThatThrownBy(() -> chat.submit(command(ALICE, "Hi", forged))).isInstanceOf(ForbiddenException.class);
        assertThat(messages.all()).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void refusesATenantContextNamingAnotherUser() {
        ChatSession session = sessionService.start(ALICE);
        TenantContext forged = new TenantContext("tenant-001", "anna", session.sessionId().value());

        assertThatThrownBy(() -> chat.submit(command(ALICE, "Hi", forged))).isInstanceOf(ForbiddenException.class);
        assertThat(queued).isEmpty();
    }

    @Test
    void treatsAnotherUsersOrTenantsSessionAsNotFound() {
        ChatSession alices = sessionService.start(ALICE);

        assertThatThrownBy(() -> chat.submit(command(ANNA, "Hi", context(ANNA, alices))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chat.submit(command(BOB, "Hi", context(BOB, alices))))
                .isInstanceOf(NotFoundException.class);
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void rejectsEmptyOrOversizedMessagesAndMissingSession() {
        ChatSession session = sessionService.start(ALICE);

        assertThatThrownBy(() -> chat.submit(command(ALICE, "  ", context(ALICE, session))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> chat.submit(command(ALICE, "x".repeat(32_001), context(ALICE, session))))
                .isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> chat.submit(command(ALICE, "Hi", null))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> chat.submit(command(ALICE, "Hi", new TenantContext(null, null, "nope"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(messages.all()).isEmpty();
    }

    @Test
    void marksTheMessageFailedWhenTheQueueRefusesTheJob() {
        ChatSession session = sessionService.start(ALICE);
        queueDown = true;

        assertThatThrownBy(() -> chat.submit(command(ALICE, "Hi", context(ALICE, session))))
                .isInstanceOf(UnavailableException.class);
        assertThat(messages.all()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(m.error().code()).isEqualTo("enqueue_failed");
        });
    }

    @Test
    void showsAMessageOnlyToItsAuthor() {
        ChatSession session = sessionService.start(ALICE);
        MessageAccepted accepted = chat.submit(command(ALICE, "Hi", context(ALICE, session)));

        assertThat(chat.message(ALICE, accepted.messageId()).message().content()).isEqualTo("Hi");
        assertThatThrownBy(() -> chat.message(ANNA, accepted.messageId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chat.message(BOB, accepted.messageId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chat.conversation(BOB, session.sessionId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void messageSizeLimitIsASetting() {
        ChatService strict = new ChatService(sessions, messages, queued::add, clock,
                new ChatLimits(10, Duration.ofHours(24), Duration.ofSeconds(25), Duration.ofMillis(250)));
        ChatSession session = sessionService.start(ALICE);

        assertThat(strict.submit(command(ALICE, "x".repeat(10), context(ALICE, session))).status())
                .isEqualTo(MessageStatus.QUEUED);
        assertThatThrownBy(() -> strict.submit(command(ALICE, "x".repeat(11), context(ALICE, session))))
                .isInstanceOf(MessageTooLargeException.class).hasMessageContaining("at most 10 characters");
    }

    @Test
    void sameIdempotencyKeyAnswersWithTheOriginalMessageAndQueuesNoSecondJob() {
        ChatSession session = sessionService.start(ALICE);
        IdempotencyKey key = new IdempotencyKey("retry-1");

        MessageAccepted first = chat.submit(new SubmitChatMessage(ALICE, "Hi", context(ALICE, session), key));
        MessageAccepted again = chat.submit(new SubmitChatMessage(ALICE, "Hi", context(ALICE, session), key));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(messages.all()).hasSize(1);
        assertThat(queued).hasSize(1);
    }

    @Test
    void idempotencyKeyUsedByAColleagueIsAcceptedAsANewMessage() {
        ChatSession alices = sessionService.start(ALICE);
        ChatSession annas = sessionService.start(ANNA);
        IdempotencyKey key = new IdempotencyKey("shared-key");
        MessageAccepted hers = chat.submit(new SubmitChatMessage(ALICE, "Hi", context(ALICE, alices), key));

        MessageAccepted mine = chat.submit(new SubmitChatMessage(ANNA, "Hi", context(ANNA, annas), key));

        assertThat(mine.messageId()).isNotEqualTo(hers.messageId());
        assertThat(queued).hasSize(2);
    }

    @Test
    void idempotencyKeyReusedForAnotherSessionIsRefused() {
        ChatSession first = sessionService.start(ALICE);
        ChatSession second = sessionService.start(ALICE);
        IdempotencyKey key = new IdempotencyKey("reused-key");
        chat.submit(new SubmitChatMessage(ALICE, "Hi", context(ALICE, first), key));

        assertThatThrownBy(() -> chat.submit(new SubmitChatMessage(ALICE, "Hi", context(ALICE, second), key)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(queued).hasSize(1);
    }

    @Test
    void pagesAConversationAfterACursor() {
        ChatSession session = sessionService.start(ALICE);
        List<MessageAccepted> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(chat.submit(command(ALICE, "m" + i, context(ALICE, session))));
        }

        ConversationPage first = chat.conversation(ALICE, session.sessionId(), null, 2);
        ConversationPage last = chat.conversation(ALICE, session.sessionId(), sent.get(3).messageId(), 2);

        assertThat(first.exchanges()).extracting(e -> e.message().content()).containsExactly("m0", "m1");
        assertThat(first.nextCursor()).hasValue(sent.get(1).messageId());
        assertThat(last.exchanges()).extracting(e -> e.message().content()).containsExactly("m4");
        assertThat(last.nextCursor()).isEmpty();
        assertThatThrownBy(() -> chat.conversation(ALICE, session.sessionId(), null, 201))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> chat.conversation(BOB, session.sessionId(), null, 2))
                .isInstanceOf(NotFoundException.class);
    }

    private static SubmitChatMessage command(Caller caller, String text, TenantContext context) {
        return new SubmitChatMessage(caller, text, context);
    }

    private static TenantContext context(Caller caller, ChatSession session) {
        return new TenantContext(caller.tenantId().value(), caller.userId().value(), session.sessionId().value());
    }
}
