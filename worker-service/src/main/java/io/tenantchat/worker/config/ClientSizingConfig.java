package io.tenantchat.worker.config;

import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import io.tenantchat.worker.reply.config.WorkerProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * Sizes the auto-configured SQS and DynamoDB clients to the worker's in-flight permits
 * ({@code tenantchat.worker.max-in-flight}) instead of the SDK's 50 connections: a burst of jobs then waits for
 * a connection only as long as the calls ahead of it take, never for the acquisition timeout. Connections are
 * kept alive and reused (TCP keep-alive, no per-request close).
 */
@Configuration(proxyBeanMethods = false)
class ClientSizingConfig {

    /** Receives, lease renewals, batched deletes and dead-letter copies; each is short, so fewer connections. */
    @Bean
    SqsAsyncClientCustomizer sqsClientSizing(WorkerProperties worker) {
        return builder -> builder.httpClientBuilder(NettyNioAsyncHttpClient.builder()
                .maxConcurrency(ClientSizes.sqsConnections(worker.maxInFlight()))
                .maxPendingConnectionAcquires(ClientSizes.pendingAcquires(worker.maxInFlight()))
                .connectionAcquisitionTimeout(Duration.ofSeconds(30))
                .tcpKeepAlive(true));
    }

    /** Claims, history reads and completion transactions, made from the jobs' virtual threads. */
    @Bean
    DynamoDbClientCustomizer dynamoDbClientSizing(WorkerProperties worker) {
        return builder -> builder.httpClientBuilder(ApacheHttpClient.builder()
                .maxConnections(ClientSizes.dynamoDbConnections(worker.maxInFlight()))
                .connectionAcquisitionTimeout(Duration.ofSeconds(30))
                .tcpKeepAlive(true));
    }
}
