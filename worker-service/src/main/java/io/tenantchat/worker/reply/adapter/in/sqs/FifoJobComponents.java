package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.FifoBatchGroupingStrategy;
import io.awspring.cloud.sqs.listener.FifoSqsComponentFactory;
import io.awspring.cloud.sqs.listener.ListenerMode;
import io.awspring.cloud.sqs.listener.MessageProcessingContext;
import io.awspring.cloud.sqs.listener.SqsContainerOptions;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementProcessor;
import io.awspring.cloud.sqs.listener.sink.MessageSink;
import io.awspring.cloud.sqs.listener.sink.OrderedMessageSink;
import io.awspring.cloud.sqs.listener.sink.adapter.AbstractDelegatingMessageListeningSinkAdapter;
import io.awspring.cloud.sqs.listener.sink.adapter.MessageGroupingSinkAdapter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;

/**
 * The chat-job container's FIFO components: a receive is split by message group, the groups run in parallel and a
 * group's messages in order (as spring-cloud-aws's FIFO factory does), and every received message is held by the
 * worker's {@link LeaseKeeper} from its receipt, also while it waits behind an earlier message of its group.
 * spring-cloud-aws's own FIFO sink would instead extend the visibility of a group's waiting messages with one
 * {@code ChangeMessageVisibilityBatch} before each of them starts (its visibility-extending sink adapter, installed
 * whenever the container has a message visibility); the lease keeper renews them with the running jobs, ten per
 * call and only once their lease is a heartbeat old. The message visibility option still sets the receive's
 * visibility timeout, which is the first lease. Deletes go out through {@link PromptDeletes}.
 */
final class FifoJobComponents<T> extends FifoSqsComponentFactory<T> {

    private final LeaseKeeper leases;

    FifoJobComponents(LeaseKeeper leases) {
        this.leases = leases;
    }

    @Override
    public MessageSink<T> createMessageSink(SqsContainerOptions options) {
        if (options.getListenerMode() != ListenerMode.SINGLE_MESSAGE
                || options.getFifoBatchGroupingStrategy()
                        != FifoBatchGroupingStrategy.PROCESS_MESSAGE_GROUPS_IN_PARALLEL_BATCHES) {
            throw new IllegalStateException("The chat-job listener takes single messages, groups in parallel");
        }
        return new MessageGroupingSinkAdapter<>(new HeldFromReceipt<>(new OrderedMessageSink<>(), leases),
                FifoJobComponents::groupOf);
    }

    /** Deletes promptly when the worker is quiet, batched when it is busy ({@link PromptDeletes}). */
    @Override
    public AcknowledgementProcessor<T> createAcknowledgementProcessor(SqsContainerOptions options) {
        PromptDeletes<T> deletes = new PromptDeletes<>();
        deletes.setMaxAcknowledgementsPerBatch(10);
        deletes.configure(options);
        return deletes;
    }

    private static String groupOf(Message<?> message) {
        return Objects.toString(
                message.getHeaders().get(SqsHeaders.MessageSystemAttributes.SQS_MESSAGE_GROUP_ID_HEADER), "");
    }

    /**
     * Holds a group's received messages with the lease keeper until each is done: the listener ends a message's
     * lease before it is acknowledged; whatever the group did not run (an earlier message failed, the container
     * stopped) is let go when the group's batch ends and reappears one lease later.
     */
    static final class HeldFromReceipt<T> extends AbstractDelegatingMessageListeningSinkAdapter<T> {

        private final LeaseKeeper leases;

        HeldFromReceipt(MessageSink<T> delegate, LeaseKeeper leases) {
            super(delegate);
            this.leases = leases;
        }

        @Override
        public CompletableFuture<Void> emit(Collection<Message<T>> messages, MessageProcessingContext<T> context) {
            List<LeaseKeeper.Lease> held = messages.stream().map(leases::hold).toList();
            return getDelegate().emit(messages, context)
                    .whenComplete((done, error) -> held.forEach(LeaseKeeper.Lease::close));
        }
    }
}
