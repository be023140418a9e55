package io.tenantchat.api.erasure;

import io.tenantchat.api.erasure.application.DeadLetterPurger;
import io.tenantchat.api.erasure.application.ErasureFaults;
import io.tenantchat.api.erasure.application.UsagePseudonymizer;
import io.tenantchat.api.erasure.domain.ErasureStep;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tests only: a crash hook for erasure jobs ({@link #CRASH_ONCE_AFTER}), and fakes of the two erasure ports whose
 * adapters (usage rows and rollups, the chat dead-letter queue) are written apart from this feature. Until those
 * are on the classpath every api-service context gets these fakes; once the real adapters exist, the fakes step
 * aside ({@link ConditionalOnMissingBean}). Each finds nothing (0): tests of the whole job assert only the counts
 * this feature's own adapters produce; the runner's calls of these ports are checked by {@code ErasureRunnerTests}.
 */
@Configuration(proxyBeanMethods = false)
public class ErasurePortFakes {

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
        return (tenantId, user) -> 0;
    }

    @Bean
    @ConditionalOnMissingBean
    UsagePseudonymizer fakeUsagePseudonymizer() {
        return (tenantId, user) -> new UsagePseudonymizer.UsageRewrite(0, 0);
    }
}
