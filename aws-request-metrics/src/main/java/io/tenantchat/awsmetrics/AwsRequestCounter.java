package io.tenantchat.awsmetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Adds one to {@value #METER} (tags {@code service}, {@code operation}) for every HTTP request an AWS SDK client
 * sends, retries included, since AWS bills each of them. The SDK instantiates it for every client it builds, because
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} names it, so clients made by
 * spring-cloud-aws and clients built by hand are all counted without any registration code.
 */
public final class AwsRequestCounter implements ExecutionInterceptor {

    /** The counter's name. */
    public static final String METER = "tenantchat.aws.requests";

    private final MeterRegistry registry;

    /** Counts into {@link Metrics#globalRegistry}, as the SDK's classpath loading requires a no-argument constructor. */
    public AwsRequestCounter() {
        this(Metrics.globalRegistry);
    }

    /** Counts into {@code registry}. */
    public AwsRequestCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Counter.builder(METER)
                .description("AWS SDK requests sent (each retry counts), by service and operation")
                .tag("service", nonNull(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)))
                .tag("operation", nonNull(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)))
                .register(registry)
                .increment();
    }

    private static String nonNull(String value) {
        return value == null ? "unknown" : value;
    }
}
