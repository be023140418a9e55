package io.tenantchat.infra;

import java.util.Map;

/**
 * One line of aws-request-metrics' call log: an SDK service, an operation ({@code TransactWriteItems.Put} for one
 * item of a transaction), what it acted on (table, {@code table/index/name}, queue, bus, model; {@code -}: none) and
 * whose credentials sign it ({@value #SERVICE}: the service's own, i.e. its task role; {@value #TENANT}: the api's
 * tenant client, signed with the tenant-scoped role on a deployment with scoped credentials).
 */
record AwsCall(String service, String operation, String resource, String signer) {

    static final String SERVICE = "service";
    static final String TENANT = "tenant";


    private static final Map<String, String> PREFIXES = Map.of("DynamoDb", "dynamodb", "Sqs", "sqs",
            "EventBridge", "events", "BedrockRuntime", "bedrock", "BedrockAgentRuntime", "bedrock",
            "BedrockAgentCore", "bedrock-agentcore", "Sts", "sts", "SecretsManager", "secretsmanager",
            "CognitoIdentityProvider", "cognito-idp", "Kms", "kms");

    /** Operations whose IAM action has another name (transaction items, batch variants, Converse). */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("TransactWriteItems.Put", "PutItem"), Map.entry("TransactWriteItems.Update", "UpdateItem"),
            Map.entry("TransactWriteItems.Delete", "DeleteItem"),
            Map.entry("TransactWriteItems.ConditionCheck", "ConditionCheckItem"),
            Map.entry("TransactGetItems.Get", "GetItem"), Map.entry("SendMessageBatch", "SendMessage"),
            Map.entry("DeleteMessageBatch", "DeleteMessage"),
            Map.entry("ChangeMessageVisibilityBatch", "ChangeMessageVisibility"),
            Map.entry("Converse", "InvokeModel"), Map.entry("ConverseStream", "InvokeModelWithResponseStream"));

    static AwsCall parse(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 4 || !(parts[3].equals(SERVICE) || parts[3].equals(TENANT))) {
            throw new IllegalArgumentException("not <service>\\t<operation>\\t<resource>\\t<service|tenant>: " + line
                    + " (a log written before the signer column: run the e2e tests again)");
        }
        return new AwsCall(parts[0], parts[1], parts[2], parts[3]);
    }

    /** The IAM action the call needs, e.g. {@code dynamodb:PutItem}. */
    String action() {
        String prefix = PREFIXES.get(service);
        if (prefix == null) {
            throw new AssertionError("no IAM prefix known for the SDK service " + service + " (add it to AwsCall)");
        }
        return prefix + ":" + ACTIONS.getOrDefault(operation, operation);
    }

    @Override
    public String toString() {
        return service + " " + operation + " on " + resource + " signed as " + signer + " (" + action() + ")";
    }
}
