package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.cognito.CognitoLocalServer;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.eventbridge.EventBridgeStandIn;
import io.tenantchat.localstack.sqs.ElasticMqServer;

/** The AWS stand-ins of one local system, each registered with {@code resources} as soon as it runs. */
record StandIns(ElasticMqServer sqs, DynoxideServer dynamoDb, CognitoLocalServer cognito, BedrockStandIn bedrock,
        EventBridgeStandIn eventBridge) {

    static StandIns start(DataDirectory data, int cognitoPort, Resources resources) {
        ElasticMqServer sqs = resources.add(ElasticMqServer.start());
        DynoxideServer dynamoDb = resources.add(DynoxideServer.start(data.dynamoDbFile()));
        CognitoLocalServer cognito = resources.add(CognitoLocalServer.start(data.cognitoDir(), cognitoPort));
        BedrockStandIn bedrock = resources.add(BedrockStandIn.start(BedrockStandIn.Settings.defaults()));
        EventBridgeStandIn eventBridge = resources.add(EventBridgeStandIn.start(sqs.endpoint()));
        return new StandIns(sqs, dynamoDb, cognito, bedrock, eventBridge);
    }
}
