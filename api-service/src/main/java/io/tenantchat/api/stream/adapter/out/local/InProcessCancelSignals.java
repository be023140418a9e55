package io.tenantchat.api.stream.adapter.out.local;

import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.chat.domain.MessageRef;
import io.tenantchat.shared.stream.ReplyCancelled;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link CancelSignals} without Redis (one api instance): a message cancelled while queued reaches this instance's
 * subscribers at once as the terminal {@code cancelled} event. Nothing reaches a worker: the one generating a
 * stopped message finds the stored stop when it completes the reply (it then stores the whole reply as cancelled),
 * and the subscribers, which re-read a session while one of its replies is pending, then see it.
 */
@Component
@ConditionalOnProperty(name = "tenantchat.stream.redis.enabled", havingValue = "false", matchIfMissing = true)
class InProcessCancelSignals implements CancelSignals {

    private final InProcessLiveReplies live;

    InProcessCancelSignals(InProcessLiveReplies live) {
        this.live = live;
    }

    @Override
    public void cancelled(MessageRef message) {
        live.publish(new ReplyCancelled(message.tenantId(), message.sessionId(), message.messageId(), "", null, null));
    }

    @Override
    public void stopping(MessageRef message) {
        // no bus to the workers: the stored stop request is found by the completion
    }
}
