package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.cognito.CognitoLocalServer;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.eventbridge.EventBridgeStandIn;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS stand-ins of one local system, each registered with {@code resources} as soon as it runs, and Redis (the
 * stream bus) when {@code redis-server} is installed; {@code redis} is null otherwise.
 */
record StandIns(ElasticMqServer sqs, DynoxideServer dynamoDb, CognitoLocalServer cognito, BedrockStandIn bedrock,
        EventBridgeStandIn eventBridge, RedisServer redis) {

    private static final Logger log = LoggerFactory.getLogger(StandIns.class);

    static StandIns start(DataDirectory data, int cognitoPort, Resources resources) {
        ElasticMqServer sqs = resources.add(ElasticMqServer.start());
        DynoxideServer dynamoDb = resources.add(DynoxideServer.start(data.dynamoDbFile()));
        CognitoLocalServer cognito = resources.add(CognitoLocalServer.start(data.cognitoDir(), cognitoPort));
        BedrockStandIn bedrock = resources.add(BedrockStandIn.start(BedrockStandIn.Settings.defaults()));
        EventBridgeStandIn eventBridge = resources.add(EventBridgeStandIn.start(sqs.endpoint()));
        return new StandIns(sqs, dynamoDb, cognito, bedrock, eventBridge, startRedis(resources));
    }

    private static RedisServer startRedis(Resources resources) {
        if (!RedisServer.isInstalled()) {
            log.warn("redis-server is not installed: replies reach WebSocket clients only when completed "
                    + "(apt-get install -y redis-server for live streaming across instances)");
            return null;
        }
        return resources.add(RedisServer.start());
    }
}
