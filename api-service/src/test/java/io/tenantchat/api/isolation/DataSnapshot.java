package io.tenantchat.api.isolation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Everything an attack could have changed: the items of every table that a predicate selects (read with Scan,
 * which only tests may use) and the number of jobs in the chat queue.
 */
record DataSnapshot(Map<String, List<String>> items, long queuedJobs) {

    static DataSnapshot take(DynamoDbClient dynamoDb, SqsClient sqs, String queueUrl,
            Predicate<Map<String, AttributeValue>> selected) {
        return read(dynamoDb, sqs, queueUrl).select(selected);
    }

    /**
     * Every item of every table and the chat queue's job count, as read now: the tables are scanned side by side
     * (the suites read everything around each of their thousand-odd calls).
     */
    static Raw read(DynamoDbClient dynamoDb, SqsClient sqs, String queueUrl) {
        Map<String, Future<List<Map<String, AttributeValue>>>> scans = new TreeMap<>();
        long queued;
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String table : dynamoDb.listTablesPaginator().tableNames()) {
                scans.put(table, readers.submit(() -> dynamoDb.scanPaginator(r -> r.tableName(table)
                        .consistentRead(true)).items().stream().toList()));
            }
            queued = queued(sqs, queueUrl);
        } // waits for every scan
        Map<String, List<Map<String, AttributeValue>>> items = new TreeMap<>();
        scans.forEach((table, scan) -> {
            try {
                items.put(table, scan.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not scan " + table, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scanning " + table, e);
            }
        });
        return new Raw(items, queued);
    }

    /**
     * Everything read at one moment; a suite whose calls run one after another may take the state after one call
     * as the state before the next (nothing else writes in between).
     */
    record Raw(Map<String, List<Map<String, AttributeValue>>> items, long queuedJobs) {

        DataSnapshot select(Predicate<Map<String, AttributeValue>> selected) {
            Map<String, List<String>> chosen = new TreeMap<>();
            items.forEach((table, tableItems) -> chosen.put(table, tableItems.stream()
                    .filter(selected)
                    .map(DataSnapshot::canonical)
                    .sorted()
                    .toList()));
            return new DataSnapshot(chosen, queuedJobs);
        }
    }

    /** The item as text with its attributes, and those of nested maps, in name order. */
    private static String canonical(Map<String, AttributeValue> item) {
        Map<String, Object> sorted = new TreeMap<>();
        item.forEach((name, value) -> sorted.put(name, value.hasM() ? canonical(value.m()) : value));
        return sorted.toString();
    }

    private static long queued(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    /** Items that belong to a tenant: a {@code tenant_id} of that tenant, or a key that begins with it. */
    static Predicate<Map<String, AttributeValue>> ofTenant(String tenantId) {
        return item -> item.values().stream().anyMatch(v -> v.s() != null
                && (v.s().equals(tenantId) || v.s().startsWith(tenantId + "#")));
    }

    /** Items of one user of a tenant. */
    static Predicate<Map<String, AttributeValue>> ofUser(String tenantId, String userId) {
        return ofTenant(tenantId).and(item -> item.values().stream().anyMatch(v -> v.s() != null && v.s().contains(userId)));
    }

    static Predicate<Map<String, AttributeValue>> everything() {
        return item -> true;
    }
}
