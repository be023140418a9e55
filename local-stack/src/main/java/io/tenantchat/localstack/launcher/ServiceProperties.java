package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.redis.RedisServer;
import java.util.ArrayList;
import java.util.List;

/** The command-line properties every service gets in the local system (docs/architecture.md, local profile). */
final class ServiceProperties {

    private ServiceProperties() {}

    static List<String> of(LocalSystem system) {
        List<String> properties = new ArrayList<>(List.of(
                "--spring.cloud.aws.region.static=" + AwsClients.REGION.id(),
                "--spring.cloud.aws.credentials.access-key=" + AwsClients.ACCESS_KEY,
                "--spring.cloud.aws.credentials.secret-key=" + AwsClients.SECRET_KEY,
                "--spring.cloud.aws.sqs.endpoint=" + system.sqsEndpoint(),
                "--spring.cloud.aws.dynamodb.endpoint=" + system.dynamoDbEndpoint(),
                "--tenantchat.aws.bedrock-runtime-endpoint=" + system.bedrockEndpoint(),
                "--tenantchat.aws.eventbridge-endpoint=" + system.eventBridgeEndpoint(),
                "--tenantchat.auth.issuer-uri=" + system.issuer(),
                "--tenantchat.auth.jwk-set-uri=" + system.jwkSetUri(),
                "--tenantchat.auth.client-ids=" + system.userPool().clientId(),
                "--tenantchat.web-client.cognito-endpoint=" + system.cognitoEndpoint()));
        system.redis().ifPresent(redis -> properties.addAll(redis(redis)));
        return List.copyOf(properties);
    }

    private static List<String> redis(RedisServer redis) {
        return List.of(
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--tenantchat.stream.redis.enabled=true",
                // a system with Redis may run a second api instance (LocalSystem.startApiInstance): the api checks
                // Redis answers at startup, as on AWS where STREAM_API_INSTANCES comes from the autoscaling maximum
                "--tenantchat.stream.api-instances=2");
    }
}
