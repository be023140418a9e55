package io.tenantchat.api.erasure.config;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.chat.application.CancelSignals;
import io.tenantchat.api.erasure.application.ApiKeyEraser;
import io.tenantchat.api.erasure.application.DeadLetterPurger;
import io.tenantchat.api.erasure.application.ErasureData;
import io.tenantchat.api.erasure.application.ErasureFaults;
import io.tenantchat.api.erasure.application.ErasureJobs;
import io.tenantchat.api.erasure.application.ErasureRunner;
import io.tenantchat.api.erasure.application.ErasureService;
import io.tenantchat.api.erasure.application.JobDirectory;
import io.tenantchat.api.erasure.application.PartialReplies;
import io.tenantchat.api.erasure.application.UsagePseudonymizer;
import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.api.tenant.application.PlanChanges;
import io.tenantchat.api.tenant.application.QuotaLedger;
import io.tenantchat.api.web.RequestIds;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires erasure: the pseudonym key (the api does not start without a valid one), the bounded executor jobs run on,
 * the runner, the use cases and each instance's sweeper.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureProperties.class)
class ErasureConfig {

    /** Jobs waiting for a thread; beyond, a job waits for the sweeper. */
    private static final int QUEUE = 100;

    @Bean
    Pseudonyms pseudonyms(ErasureProperties properties) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(properties.pseudonymKey().trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("tenantchat.erasure.pseudonym-key (ERASURE_PSEUDONYM_KEY) is not base64");
        }
        return new Pseudonyms(key);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService erasureExecutor(ErasureProperties properties) {
        return new ThreadPoolExecutor(properties.threads(), properties.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), Thread.ofVirtual().name("erasure-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    ErasureRunner erasureRunner(ErasureJobs jobs, ErasureData data, ApiKeyEraser apiKeys,
            ObjectProvider<PartialReplies> partials, DeadLetterPurger deadLetters, UsagePseudonymizer usage,
            CancelSignals cancelSignals, QuotaLedger quotas, PlanChanges planChanges, AuditRecorder audit,
            Pseudonyms pseudonyms, ObjectProvider<ErasureFaults> faults, Clock clock) {
        return new ErasureRunner(jobs, data, apiKeys, partials.getIfAvailable(() -> PartialReplies.NONE), deadLetters,
                usage, new ErasureRunner.Collaborators(cancelSignals, quotas::release, planChanges, audit, pseudonyms),
                faults.getIfAvailable(() -> ErasureFaults.NONE), clock);
    }

    @Bean
    ErasureService erasureService(ErasureJobs jobs, JobDirectory directory, ErasureRunner runner,
            ExecutorService erasureExecutor, ErasureProperties properties, Clock clock) {
        String owner = "api-" + UUID.randomUUID();
        return new ErasureService(jobs, directory, runner, erasureExecutor,
                new ErasureService.Settings(owner, properties.maxAttempts(), 25), RequestIds::current, clock);
    }

    @Bean(destroyMethod = "close")
    ErasureSweeper erasureSweeper(ErasureService service, ErasureProperties properties) {
        return ErasureSweeper.start(service, properties.sweepInterval());
    }
}
