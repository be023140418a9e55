package io.tenantchat.worker.reply.application;

import static io.tenantchat.worker.reply.application.UserMessageTestData.SESSION;
import static io.tenantchat.worker.reply.application.UserMessageTestData.TENANT;
import static io.tenantchat.worker.reply.application.UserMessageTestData.aUserMessage;
import static io.tenantchat.worker.reply.application.UserMessageTestData.jobFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.JobHold;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.UserMessage;
import io.tenantchat.worker.usage.application.UsageMeter;
import io.tenantchat.worker.usage.domain.PriceTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stopping a reply: before the model call, while it streams, and when the stop is found only at completion. */
class StopReplyTests {

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final RecordingReplyEvents events = new RecordingReplyEvents();
    private final List<ModelInvoked> usage = new ArrayList<>();
    private final RunningReplies running = new RunningReplies();
    private final JobHold hold = new JobHold(true, 1_500L, "2026-12", "live");
    private final GenerateReplyService service = new GenerateReplyService(store, model, events,
            new UsageMeter(usage::addAll, new PriceTable(Map.of())), new ReplySettings(512, 3), Clock.systemUTC(),
            pause -> { }, new Random(7), ReplyMetrics.NONE, ReplyCoalescing.NONE, TenantSlots.UNBOUNDED, running);

    @Test
    void messageCancelledWhileQueuedNeverReachesTheModelAndItsHoldIsGivenBack() {
        UserMessage message = store.save(aUserMessage().withStatus(MessageStatus.CANCELLED).build());

        ReplyOutcome outcome = service.generateReply(jobFor(message).carrying(message.content(), 1, hold));

        assertThat(outcome).isEqualTo(ReplyOutcome.CANCELLED);
        assertThat(outcome.deadLetter()).isFalse();
        assertThat(model.calls()).isZero();
        assertThat(usage).isEmpty();
        assertThat(store.quotaReleases).containsExactly(message.ref());
        assertThat(store.holdsUsed).containsExactly(hold);
        assertThat(events.events).as("subscribers re-read it once, in case its cancelled event was never published")
                .containsExactly(new io.tenantchat.shared.stream.ReplySettled(TENANT, SESSION, message.ref().messageId()));
    }

    @Test
    void processingMessageWithAStopRequestFoundByTheClaimEndsCancelledWithoutAModelCall() {
        UserMessage message = store.save(aUserMessage().withStatus(MessageStatus.PROCESSING).withAttempts(1).build());
        store.cancelRequests.add(message.ref());

        ReplyOutcome outcome = service.generateReply(jobFor(message).carrying(message.content(), 1, hold));

        assertThat(outcome).isEqualTo(ReplyOutcome.CANCELLED);
        assertThat(model.calls()).isZero();
        assertThat(usage).isEmpty();
        assertThat(store.statusOf(message.ref())).isEqualTo(MessageStatus.CANCELLED);
        assertThat(store.cancelReleases).containsExactly(message.ref());
        assertThat(events.events).containsExactly(new ReplyCancelled(TENANT, SESSION, message.ref().messageId(), "",
                null, null));
    }

    @Test
    void stopWhileStreamingClosesTheModelCallStoresThePartialTextAndMetersItOnceAsCancelled() {
        UserMessage message = store.save(aUserMessage().build());
        model.streamUntilInterrupted(() -> {
            store.cancelRequests.add(message.ref());
            assertThat(running.stop(TENANT, message.ref().messageId())).isTrue();
        });

        ReplyOutcome outcome = service.generateReply(jobFor(message).carrying(message.content(), 1, hold));

        assertThat(outcome).isEqualTo(ReplyOutcome.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).as("the stop's interrupt does not leak").isFalse();
        assertThat(store.statusOf(message.ref())).isEqualTo(MessageStatus.CANCELLED);
        assertThat(store.cancelledReplies.get(message.ref()).text()).isEqualTo("Par");
        assertThat(store.replies).isEmpty();
        int inputEstimate = TokenEstimate.of(model.conversations.get(0));
        assertThat(usage).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(InvocationStatus.CANCELLED);
            assertThat(event.outputTokens()).as("3 characters streamed: 1 token").isEqualTo(1L);
            assertThat(event.inputTokens()).isEqualTo((long) inputEstimate).isPositive();
            assertThat(event.modelId()).isEqualTo(ScriptedChatModel.MODEL_ID);
        });
        assertThat(store.holdsUsed).containsExactly(hold);
        assertThat(events.events).last().isEqualTo(new ReplyCancelled(TENANT, SESSION, message.ref().messageId(),
                "Par", ScriptedChatModel.MODEL_ID, new ReplyUsage(inputEstimate, 1)));
        assertThat(events.events).noneMatch(ReplyCompleted.class::isInstance);
        assertThat(running.size()).isZero();
    }

    @Test
    void stopFoundOnlyByTheCompletionStoresTheWholeReplyAsCancelled() {
        UserMessage message = store.save(aUserMessage().build());
        ScriptedChatModel plain = new ScriptedChatModel();
        GenerateReplyService withoutBus = new GenerateReplyService(store, new ChatModel() {
            @Override
            public String modelIdFor(io.tenantchat.worker.reply.domain.Conversation c,
                    io.tenantchat.worker.reply.domain.ModelSettings settings) {
                return plain.modelIdFor(c, settings);
            }

            @Override
            public io.tenantchat.worker.reply.domain.ModelReply reply(io.tenantchat.worker.reply.domain.Conversation c,
                    io.tenantchat.worker.reply.domain.ModelSettings settings, ReplyListener listener) {
                store.cancelRequests.add(message.ref()); // stored by api-service; no signal reaches this worker
                return plain.reply(c, settings, listener);
            }
        }, events, new UsageMeter(usage::addAll, new PriceTable(Map.of())), new ReplySettings(512, 3),
                Clock.systemUTC(), pause -> { }, new Random(7), ReplyMetrics.NONE, ReplyCoalescing.NONE,
                TenantSlots.UNBOUNDED, running);

        ReplyOutcome outcome = withoutBus.generateReply(jobFor(message).carrying(message.content(), 1, hold));

        assertThat(outcome).isEqualTo(ReplyOutcome.CANCELLED);
        assertThat(store.cancelledReplies.get(message.ref()).text()).isEqualTo("Paris.");
        assertThat(usage).singleElement().extracting(ModelInvoked::outputTokens).isEqualTo(3L);
        assertThat(store.statusOf(message.ref())).isEqualTo(MessageStatus.CANCELLED);
        assertThat(events.events).last().isInstanceOf(ReplyCancelled.class);
    }

    @Test
    void stopBeforeTheModelCallKeepsTheCallFromStarting() {
        UserMessage message = store.save(aUserMessage().build());
        RunningReplies.Watch watch = running.watch(message.ref());
        assertThat(running.stop(TENANT, message.ref().messageId())).isTrue();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> watch.modelCall(() -> "called")))
                .isInstanceOf(RunningReplies.StoppedBeforeCall.class);
        watch.close();
        assertThat(running.size()).isZero();
    }

    @Test
    void stopOfAnotherTenantsMessageIdReachesNothing() {
        UserMessage message = store.save(aUserMessage().build());
        try (RunningReplies.Watch watch = running.watch(message.ref())) {
            assertThat(running.stop(TenantId.of("tenant-002"), message.ref().messageId())).isFalse();
            assertThat(watch.stopped()).isFalse();
        }
    }

    @Test
    void redeliveredJobOfAStoppedReplyGivesNothingBackTwice() {
        UserMessage message = store.save(aUserMessage().build());
        model.streamUntilInterrupted(() -> {
            store.cancelRequests.add(message.ref());
            running.stop(TENANT, message.ref().messageId());
        });
        service.generateReply(jobFor(message).carrying(message.content(), 1, hold));

        ReplyOutcome again = service.generateReply(jobFor(message).carrying(message.content(), 1, hold));

        assertThat(again).isEqualTo(ReplyOutcome.CANCELLED);
        assertThat(usage).hasSize(1);
        assertThat(model.calls()).isEqualTo(1);
        assertThat(store.cancelReleases).isEmpty();
        assertThat(store.quotaReleases).as("the conditional release, which finds nothing left to give back")
                .containsExactly(message.ref());
    }
}
