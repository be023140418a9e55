package io.tenantchat.api.erasure;

import io.tenantchat.api.erasure.application.DeadLetterPurger;
import io.tenantchat.api.erasure.application.ErasureFaults;
import io.tenantchat.api.erasure.application.UsagePseudonymizer;
import io.tenantchat.api.erasure.domain.ErasureStep;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tests only: a crash hook for erasure jobs ({@link #CRASH_ONCE_AFTER}), and the two erasure ports whose adapters (usage rows and rollups, the chat dead-letter queue) are written
 * apart from this feature. Until they are on the classpath every api-service context gets these recording fakes;
 * once the real adapters exist, they step aside ({@link ConditionalOnMissingBean}). Each records the subjects it was
 * called for, so a test can check the job reached them.
 */
@Configuration(proxyBeanMethods = false)
public class ErasurePortFakes {

    /** A subject a fake was called for. */
    public record Call(TenantId tenantId, Optional<UserId> user) {
    }

    public static final List<Call> PURGED = new CopyOnWriteArrayList<>();
    public static final List<Call> PSEUDONYMIZED = new CopyOnWriteArrayList<>();

    /** The step after which the next job stops once, as if its instance crashed (null: none). */
    public static final AtomicReference<ErasureStep> CRASH_ONCE_AFTER = new AtomicReference<>();

    @Bean
    ErasureFaults crashOnce() {
        return step -> {
            if (CRASH_ONCE_AFTER.compareAndSet(step, null)) {
                throw new IllegalStateException("test crash after " + step.wire());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPurger fakeDeadLetterPurger() {
        return (tenantId, user) -> {
            PURGED.add(new Call(tenantId, user));
            return 0;
        };
    }

    @Bean
    @ConditionalOnMissingBean
    UsagePseudonymizer fakeUsagePseudonymizer() {
        return (tenantId, user) -> {
            PSEUDONYMIZED.add(new Call(tenantId, user));
            return new UsagePseudonymizer.UsageRewrite(0, 0);
        };
    }
}
