package io.tenantchat.localstack.provision;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the tables and queues of docs/architecture.md. Idempotent: what exists already is left as it is.
 */
public final class Provisioner {

    public static final String CHAT_REQUESTS = "chat-requests.fifo";
    public static final String CHAT_REQUESTS_DLQ = "chat-requests-dlq.fifo";
    public static final String USAGE_EVENTS = "usage-events";
    public static final String USAGE_EVENTS_DLQ = "usage-events-dlq";
    /** api-service's {@code API_KEYS_TABLE} default. */
    public static final String API_KEYS_TABLE = "tenant-api-keys";
    /** api-service's {@code AUDIT_TABLE} default. */
    public static final String AUDIT_TABLE = "tenant-audit";
    /** api-service's {@code JOBS_TABLE} default: erasure jobs. */
    public static final String JOBS_TABLE = "tenant-jobs";
    static final int MAX_RECEIVE_COUNT = 5;

    private Provisioner() {}

    public static void createTables(DynamoDbClient dynamoDb, TableNames names) {
        Tables tables = new Tables(dynamoDb);
        tables.ensure(Tables.sessions(names.sessions()));
        tables.ensure(Tables.messages(names.messages()));
        tables.ensure(Tables.usage(names.usage()));
        tables.ensure(Tables.usageRollups(names.usageRollups()));
        tables.ensure(Tables.tenants(names.tenants()));
        tables.ensure(Tables.apiKeys(API_KEYS_TABLE));
        tables.ensure(Tables.audit(AUDIT_TABLE));
        tables.ensure(Tables.jobs(JOBS_TABLE));
    }

    public static QueueUrls createQueues(SqsClient sqs) {
        Queues queues = new Queues(sqs);
        String chatRequestsDlq = queues.ensure(CHAT_REQUESTS_DLQ, Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        String chatRequests = queues.ensure(CHAT_REQUESTS, Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.VISIBILITY_TIMEOUT, "60",
                QueueAttributeName.REDRIVE_POLICY, queues.redrivePolicy(chatRequestsDlq, MAX_RECEIVE_COUNT)));
        String usageEventsDlq = queues.ensure(USAGE_EVENTS_DLQ, Map.of());
        String usageEvents = queues.ensure(USAGE_EVENTS, Map.of(
                QueueAttributeName.REDRIVE_POLICY, queues.redrivePolicy(usageEventsDlq, MAX_RECEIVE_COUNT)));
        return new QueueUrls(chatRequests, chatRequestsDlq, usageEvents, usageEventsDlq);
    }
}
