package io.tenantchat.worker.reply.adapter.in.sqs;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.acknowledgement.AcknowledgementOrdering;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantchat.worker.reply.config.WorkerProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The execution model of the chat-job listener (docs/adr/005-worker-execution-model.md): every job runs on its own
 * virtual thread; how many a worker holds is bounded by {@code tenantchat.worker.max-in-flight} permits
 * ({@link JobPermits}), not by threads; receives ask for up to 10 jobs, deletes leave at once when the worker is
 * quiet and are batched when it is busy (at most 10 per call, after at most {@code receive.delete-wait},
 * {@link PromptDeletes}), every received job is held by the {@link LeaseKeeper} from its receipt
 * ({@link FifoJobComponents}, in place of spring-cloud-aws's FIFO visibility extender), and on shutdown running jobs
 * get {@code receive.shutdown-grace} to finish after receiving stopped.
 */
@Configuration(proxyBeanMethods = false)
class ChatJobListenerConfig {

    /** Tunes spring-cloud-aws's listener container factory once it is built (it stays auto-configured). */
    @Bean
    static BeanPostProcessor chatJobListenerOptions(ObjectProvider<WorkerProperties> worker,
            ObjectProvider<HeldJobs> held, ObjectProvider<LeaseKeeper> leases) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SqsMessageListenerContainerFactory<?> factory) {
                    configure(factory, worker.getObject(), held.getObject());
                    components(factory, leases.getObject());
                }
                return bean;
            }
        };
    }

    @Bean
    HeldJobs heldJobs(ObjectProvider<MeterRegistry> registry) {
        HeldJobs held = new HeldJobs();
        registry.ifAvailable(r -> Gauge.builder("tenantchat.worker.jobs.held", held, HeldJobs::count)
                .description("Chat jobs received and not yet done (streaming, waiting or storing)").register(r));
        return held;
    }

    private static void configure(SqsMessageListenerContainerFactory<?> factory, WorkerProperties worker,
            HeldJobs held) {
        WorkerProperties.Receive receive = worker.receive();
        SimpleAsyncTaskExecutor jobThreads = new SimpleAsyncTaskExecutor("chat-job-");
        jobThreads.setVirtualThreads(true);
        factory.configure(options -> options
                .maxConcurrentMessages(worker.maxInFlight())
                .maxMessagesPerPoll(receive.batchSize())
                .backPressureHandlerFactory(o -> held.track(new JobPermits(worker.maxInFlight(),
                        receive.concurrentPolls(), receive.batchSize(), Duration.ofSeconds(1))))
                .componentsTaskExecutor(jobThreads)
                .acknowledgementInterval(receive.deleteWait())
                .acknowledgementThreshold(receive.batchSize())
                .acknowledgementOrdering(AcknowledgementOrdering.PARALLEL)
                .listenerShutdownTimeout(receive.shutdownGrace())
                .acknowledgementShutdownTimeout(Duration.ofSeconds(5)));
    }

    /** FIFO components whose received messages the lease keeper holds from receipt (no visibility extender). */
    private static <T> void components(SqsMessageListenerContainerFactory<T> factory, LeaseKeeper leases) {
        factory.setContainerComponentFactories(List.of(new FifoJobComponents<>(leases)));
    }

    /** The permits of the listener's container, for the held-jobs gauge and tests. */
    static final class HeldJobs {

        private final AtomicReference<JobPermits> permits = new AtomicReference<>();

        JobPermits track(JobPermits created) {
            permits.set(created);
            return created;
        }

        double count() {
            JobPermits current = permits.get();
            return current == null ? 0 : current.held();
        }
    }
}
