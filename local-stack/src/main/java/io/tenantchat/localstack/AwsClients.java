package io.tenantchat.localstack;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the local stand-ins: endpoint override, region us-east-1, static credentials local/local. */
public final class AwsClients {

    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return local(DynamoDbClient.builder(), endpoint).build();
    }

    public static SqsClient sqs(URI endpoint) {
        return local(SqsClient.builder(), endpoint).build();
    }

    /** An async SQS client for a local stand-in; the caller's classpath supplies the async HTTP client (Netty). */
    public static SqsAsyncClient sqsAsync(URI endpoint) {
        return SqsAsyncClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public static CognitoIdentityProviderClient cognito(URI endpoint) {
        return local(CognitoIdentityProviderClient.builder(), endpoint).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B local(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}
