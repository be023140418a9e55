package io.tenantchat.api.credentials.config;

import io.tenantchat.api.credentials.TenantCredentialsProvider;
import io.tenantchat.api.credentials.TenantDynamoDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client the tenant-keyed repositories use: signed per tenant when scoped credentials are on
 * ({@code tenantchat.aws.scoped-credentials.role-arn} set, {@link ScopedCredentialsConfig}), else the task role.
 */
@Configuration(proxyBeanMethods = false)
class TenantDynamoDbConfig {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDynamoDbConfig.class);

    @Bean
    TenantDynamoDb tenantDynamoDb(DynamoDbClient dynamoDb, ObjectProvider<TenantCredentialsProvider> scoped) {
        TenantCredentialsProvider credentials = scoped.getIfAvailable();
        LOG.info("tenant-keyed DynamoDB calls are signed with {}",
                credentials == null ? "the service's own credentials" : "per-tenant scoped credentials");
        return credentials == null ? TenantDynamoDb.serviceCredentials(dynamoDb)
                : TenantDynamoDb.scoped(dynamoDb, credentials);
    }
}
