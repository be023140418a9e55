package io.tenantchat.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On-demand AWS prices, us-east-1, USD, as published on the pages in {@link #SOURCES} (check them before relying on
 * a figure), and the request units each counted request is assumed to cost. Bedrock tokens are not included: they
 * depend on the model and the conversation, not on this pipeline.
 */
final class Prices {

    static final double SQS_FIFO_PER_REQUEST = 0.50 / 1e6;
    static final double SQS_STANDARD_PER_REQUEST = 0.40 / 1e6;
    static final double DYNAMODB_PER_WRITE_UNIT = 0.625 / 1e6;
    static final double DYNAMODB_PER_READ_UNIT = 0.125 / 1e6;
    static final double EVENTBRIDGE_PER_EVENT = 1.00 / 1e6;

    static final List<String> SOURCES = List.of(
            "SQS: https://aws.amazon.com/sqs/pricing/ (FIFO $0.50, standard $0.40 per million requests, 64 KB chunks)",
            "DynamoDB on-demand: https://aws.amazon.com/dynamodb/pricing/on-demand/ ($0.625 per million write request"
                    + " units, $0.125 per million read request units; transactional writes cost 2 units per item)",
            "EventBridge: https://aws.amazon.com/eventbridge/pricing/ ($1.00 per million custom events, 64 KB chunks)");

    /**
     * Items written per TransactWriteItems, on average: the api sends two per message (admission: 6 quota items,
     * QuotaWrites.reserve; the message: 3 items, saveQueued), the worker one (reply, message, session and up to 3
     * quota releases), the aggregator one of up to 11 rollup items (docs/architecture.md).
     */
    private static final Map<String, Double> TRANSACTION_ITEMS = Map.of("api", 4.5, "worker", 6.0, "aggregator", 11.0);

    private Prices() {}

    /** USD for one request {@code "<process> <Service> <Operation>"}, or null when no price is known. */
    static Double perRequest(String key) {
        String[] parts = key.split(" ");
        String process = parts[0];
        String service = parts[1];
        String operation = parts[2];
        return switch (service) {
            case "Sqs" -> "aggregator".equals(process) ? SQS_STANDARD_PER_REQUEST : SQS_FIFO_PER_REQUEST;
            case "EventBridge" -> EVENTBRIDGE_PER_EVENT; // one ModelInvoked entry per call here
            case "DynamoDb" -> dynamoDb(process, operation);
            default -> null; // BedrockRuntime: priced per token, see the class comment
        };
    }

    private static Double dynamoDb(String process, String operation) {
        return switch (operation) {
            case "PutItem", "UpdateItem", "DeleteItem" -> DYNAMODB_PER_WRITE_UNIT;
            case "TransactWriteItems" -> 2 * TRANSACTION_ITEMS.getOrDefault(process, 1.0) * DYNAMODB_PER_WRITE_UNIT;
            case "GetItem", "Query" -> DYNAMODB_PER_READ_UNIT;
            case "TransactGetItems" -> 2 * DYNAMODB_PER_READ_UNIT;
            default -> null;
        };
    }

    static Map<String, String> assumptions() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("items", "each item under 1 KB written, under 4 KB read; one read unit per GetItem/Query");
        out.put("transactions", "TransactWriteItems: 2 write units per item; items per transaction "
                + TRANSACTION_ITEMS + " (api: 6 admission + 3 message items in two transactions; worker: 3 + 3 quota"
                + " releases; aggregator: docs/architecture.md)");
        out.put("sqs", "api and worker use chat-requests.fifo (FIFO price), the aggregator usage-events (standard)");
        out.put("bedrock", "BedrockRuntime requests are counted but not priced: the model is billed per token");
        return out;
    }
}
