package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.TenantId;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Out-port: what the worker measures per tenant (the adapter bounds the tenant tag). Never message text. */
public interface ReplyMetrics {

    ReplyMetrics NONE = new ReplyMetrics() {
        @Override
        public void queueWait(TenantId tenantId, Duration wait) {
        }

        @Override
        public void modelCall(TenantId tenantId, @Nullable Duration timeToFirstToken, Duration duration,
                long inputTokens, long outputTokens) {
        }

        @Override
        public void modelFailure(TenantId tenantId, String reason) {
        }
    };

    /** From the api queueing the job to the worker receiving it. */
    void queueWait(TenantId tenantId, Duration wait);

    /** One answered model call; {@code timeToFirstToken} is null when no text was streamed. */
    void modelCall(TenantId tenantId, @Nullable Duration timeToFirstToken, Duration duration, long inputTokens,
            long outputTokens);

    /** From the worker taking the job to calling the model on its first attempt (reads, claim, history). */
    default void preModel(TenantId tenantId, Duration preModel) {
    }

    /** One failed model call; {@code reason} is an error code ({@code model_unavailable}, ...). */
    void modelFailure(TenantId tenantId, String reason);
}
