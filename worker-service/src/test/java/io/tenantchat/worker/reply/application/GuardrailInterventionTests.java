package io.tenantchat.worker.reply.application;

import static io.tenantchat.worker.reply.application.UserMessageTestData.aUserMessage;
import static io.tenantchat.worker.reply.application.UserMessageTestData.jobFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyRestarted;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.UserMessage;
import io.tenantchat.worker.usage.application.UsageMeter;
import io.tenantchat.worker.usage.domain.PriceTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A reply a guardrail intervened in ends completed with a neutral text, is metered, and never shows what it blocked. */
class GuardrailInterventionTests {

    final InMemoryConversationStore store = new InMemoryConversationStore();
    final ScriptedChatModel model = new ScriptedChatModel();
    final RecordingReplyEvents events = new RecordingReplyEvents();
    final List<ModelInvoked> usage = new ArrayList<>();
    final GenerateReplyService service = new GenerateReplyService(store, model, events,
            new UsageMeter(usage::addAll, new PriceTable(Map.of())), new ReplySettings(512, 3), Clock.systemUTC(),
            pause -> { }, new Random(7), ReplyMetrics.NONE, ReplyCoalescing.NONE, TenantSlots.UNBOUNDED);

    @Test
    void interventionIsStoredAndPublishedAsCompletedWithTheNeutralTextAndItsStopReason() {
        model.interveneWithGuardrail();
        UserMessage message = store.save(aUserMessage().build());

        ReplyOutcome outcome = service.generateReply(jobFor(message));

        assertThat(outcome).isEqualTo(ReplyOutcome.COMPLETED);
        assertThat(store.replies.get(message.ref()).text()).isEqualTo(ModelReply.WITHHELD);
        assertThat(store.replies.get(message.ref()).stopReason()).isEqualTo("guardrail_intervened");
        assertThat(events.events).last().isInstanceOfSatisfying(ReplyCompleted.class, completed -> {
            assertThat(completed.content()).isEqualTo(ModelReply.WITHHELD);
            assertThat(completed.stopReason()).isEqualTo("guardrail_intervened");
        });
        assertThat(events.events).as("what was streamed is voided before the end")
                .anySatisfy(event -> assertThat(event).isInstanceOf(ReplyRestarted.class));
        assertThat(usage).singleElement().extracting(ModelInvoked::outputTokens).isEqualTo(3L);
    }

    @Test
    void aReplyWithoutInterventionHasNoStopReason() {
        UserMessage message = store.save(aUserMessage().build());

        service.generateReply(jobFor(message));

        assertThat(store.replies.get(message.ref()).text()).isEqualTo("Paris.");
        assertThat(events.events).last().isInstanceOfSatisfying(ReplyCompleted.class,
                completed -> assertThat(completed.stopReason()).isNull());
    }
}
