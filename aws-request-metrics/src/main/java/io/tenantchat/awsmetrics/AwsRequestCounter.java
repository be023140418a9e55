package io.tenantchat.awsmetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Adds one to {@value #METER} (tags {@code service}, {@code operation}, {@code resource}: the table, queue, bus or
 * model, comma-separated for a transaction or batch over several) for every HTTP request an AWS SDK client sends,
 * retries included, since AWS bills each of them. When {@code -Dtenantchat.aws-call-log=<file>} (or
 * {@code TENANTCHAT_AWS_CALL_LOG}) is set, each distinct (service, operation, resource, signer) is also appended to
 * that file: the e2e run's record of what the code calls, which infra checks against the IAM role that signs each
 * call ({@link AwsCallSigner}). The SDK instantiates it for every client it builds, because
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} names it, so clients made by
 * spring-cloud-aws and clients built by hand are all counted without any registration code.
 */
public final class AwsRequestCounter implements ExecutionInterceptor {

    /** The counter's name. */
    public static final String METER = "tenantchat.aws.requests";

    private final MeterRegistry registry;
    private final @Nullable AwsCallLog callLog;

    /** Counts into {@link Metrics#globalRegistry}, as the SDK's classpath loading requires a no-argument constructor. */
    public AwsRequestCounter() {
        this(Metrics.globalRegistry);
    }

    /** Counts into {@code registry}. */
    public AwsRequestCounter(MeterRegistry registry) {
        this(registry, AwsCallLog.OF_THIS_JVM);
    }

    AwsRequestCounter(MeterRegistry registry, @Nullable AwsCallLog callLog) {
        this.registry = registry;
        this.callLog = callLog;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = nonNull(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String operation = nonNull(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        Set<AwsCallResources.Call> calls = AwsCallResources.of(operation, context.request());
        Counter.builder(METER)
                .description("AWS SDK requests sent (each retry counts), by service, operation and resource")
                .tag("service", service)
                .tag("operation", operation)
                .tag("resource", calls.stream().map(AwsCallResources.Call::resource).distinct().sorted()
                        .collect(Collectors.joining(",")))
                .register(registry)
                .increment();
        if (callLog != null) {
            String signer = attributes.getOptionalAttribute(AwsCallSigner.ATTRIBUTE).orElse(AwsCallSigner.SERVICE);
            calls.forEach(call -> callLog.record(service, call.operation(), call.resource(), signer));
        }
    }

    private static String nonNull(String value) {
        return value == null ? "unknown" : value;
    }
}
