package io.tenantchat.api.stream.adapter.out.local;

import io.tenantchat.api.chat.application.ChatJobQueue;
import io.tenantchat.shared.ChatRequested;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Without Redis, a message queued through this instance tells the local subscribers of its session to read it
 * (they then follow it until its reply is stored): the {@link ChatJobQueue} is wrapped so that every job it takes
 * signals {@link InProcessLiveReplies#changed}. The chat package knows nothing of it.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
class AcceptedMessageSignals implements BeanPostProcessor {

    private final ObjectProvider<InProcessLiveReplies> live;

    AcceptedMessageSignals(ObjectProvider<InProcessLiveReplies> live) {
        this.live = live;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof ChatJobQueue queue && !(bean instanceof SignallingQueue)
                ? new SignallingQueue(queue, live) : bean;
    }

    private record SignallingQueue(ChatJobQueue queue, ObjectProvider<InProcessLiveReplies> live)
            implements ChatJobQueue {

        @Override
        public void enqueue(ChatRequested job) {
            queue.enqueue(job);
            signal(job);
        }

        @Override
        public void requeue(ChatRequested job, String deduplicationId) {
            queue.requeue(job, deduplicationId);
            signal(job);
        }

        private void signal(ChatRequested job) {
            live.getObject().changed(job.tenantId(), job.sessionId());
        }
    }
}
