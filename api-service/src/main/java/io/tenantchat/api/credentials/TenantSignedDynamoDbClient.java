package io.tenantchat.api.credentials;

import io.tenantchat.awsmetrics.AwsCallSigner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The service's {@link DynamoDbClient} for one tenant's items: with scoped credentials, that tenant's credentials on
 * each item call ({@link AwsRequestOverrideConfiguration#credentialsProvider()}), so the HTTP pool, retries and
 * request metrics stay those of the one shared client; always, the call marked {@link AwsCallSigner#TENANT} for the
 * AWS call log, so the IAM check holds it against the role a deployment signs it with. Only item-level calls are passed on: any other call (Scan, PartiQL, table
 * management) is the interface's default, {@link UnsupportedOperationException}. Paginators and consumer
 * overloads are the interface's defaults, which come back through these methods.
 */
final class TenantSignedDynamoDbClient implements DynamoDbClient {

    private final DynamoDbClient delegate;
    private final @Nullable AwsCredentialsProvider credentials;

    /** @param credentials the tenant's credentials, or null to sign with the service's own (scoped credentials off) */
    TenantSignedDynamoDbClient(DynamoDbClient delegate, @Nullable AwsCredentialsProvider credentials) {
        this.delegate = delegate;
        this.credentials = credentials;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
        return delegate.getItem(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
        return delegate.putItem(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        return delegate.updateItem(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest r) {
        return delegate.deleteItem(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public QueryResponse query(QueryRequest r) {
        return delegate.query(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        return delegate.batchGetItem(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        return delegate.batchWriteItem(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r) {
        return delegate.transactGetItems(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
        return delegate.transactWriteItems(r.toBuilder().overrideConfiguration(signed(r)).build());
    }

    private AwsRequestOverrideConfiguration signed(DynamoDbRequest request) {
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder).orElseGet(AwsRequestOverrideConfiguration::builder)
                .putExecutionAttribute(AwsCallSigner.ATTRIBUTE, AwsCallSigner.TENANT);
        if (credentials != null) {
            override.credentialsProvider(credentials);
        }
        return override.build();
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    /** The shared client belongs to the application context, which closes it. */
    @Override
    public void close() {
    }
}
