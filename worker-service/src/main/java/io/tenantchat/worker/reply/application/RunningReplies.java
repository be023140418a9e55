package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The replies this worker is generating, so a stop request reaches the one that holds the message: the job's thread
 * is interrupted while, and only while, it waits for the model, which makes the model adapter cancel its call (the
 * provider's stream is closed). A request that arrives before the model call keeps the call from starting.
 */
public final class RunningReplies implements StopReplyUseCase {

    private final Map<MessageId, Watch> running = new ConcurrentHashMap<>();

    /** Registers the calling thread's reply of {@code ref} until the watch is closed. */
    public Watch watch(MessageRef ref) {
        Watch watch = new Watch(ref, Thread.currentThread());
        running.put(ref.messageId(), watch);
        return watch;
    }

    @Override
    public boolean stop(TenantId tenantId, MessageId messageId) {
        Watch watch = running.get(messageId);
        if (watch == null || !watch.ref.tenantId().equals(tenantId)) {
            return false;
        }
        watch.stop();
        return true;
    }

    /** Replies being generated here now. */
    public int size() {
        return running.size();
    }

    /** Thrown by {@link Watch#modelCall} when the reply was stopped before its model call started. */
    public static final class StoppedBeforeCall extends RuntimeException {

        StoppedBeforeCall() {
            super("stopped before the model call", null, false, false);
        }
    }

    /** One reply being generated on one thread. */
    public final class Watch implements AutoCloseable {

        private final MessageRef ref;
        private final Thread thread;
        private boolean stopped;
        private boolean inModelCall;

        private Watch(MessageRef ref, Thread thread) {
            this.ref = ref;
            this.thread = thread;
        }

        public synchronized boolean stopped() {
            return stopped;
        }

        private synchronized void stop() {
            stopped = true;
            if (inModelCall) {
                thread.interrupt();
            }
        }

        /**
         * Runs the model call, interruptible by a stop; the interrupt a stop caused is cleared afterwards, so the
         * job's later writes run normally.
         *
         * @throws StoppedBeforeCall when the reply was stopped before the call could start
         */
        public <T> T modelCall(Supplier<T> call) {
            synchronized (this) {
                if (stopped) {
                    throw new StoppedBeforeCall();
                }
                inModelCall = true;
            }
            try {
                return call.get();
            } finally {
                synchronized (this) {
                    inModelCall = false;
                    if (stopped) {
                        Thread.interrupted();
                    }
                }
            }
        }

        @Override
        public void close() {
            running.remove(ref.messageId(), this);
        }
    }
}
