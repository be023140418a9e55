package io.tenantchat.api.usage.adapter.out.dynamodb;

import io.tenantchat.api.usage.config.UsageProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.usage.application.UsageRollupReader;
import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.api.usage.domain.UsageFigures;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.UsageRollupKeys;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Queries each shard of the tenant's rollup partition for the bucket range (one Query per shard, paginated). */
@Component
class DynamoDbUsageRollupReader implements UsageRollupReader {

    private final TenantDynamoDb dynamo;
    private final UsageProperties settings;

    DynamoDbUsageRollupReader(TenantDynamoDb dynamo, UsageProperties settings) {
        this.dynamo = dynamo;
        this.settings = settings;
    }

    @Override
    public List<RollupRow> read(TenantId tenantId, Granularity granularity, String fromBucket, String toBucket) {
        return IntStream.range(0, settings.rollupShards()).boxed()
                .flatMap(shard -> query(tenantId, UsageRollupKeys.partition(tenantId, granularity, shard), fromBucket,
                        toBucket))
                .filter(item -> tenantId.value().equals(text(item, "tenant_id")))
                .map(DynamoDbUsageRollupReader::row)
                .toList();
    }

    private Stream<Map<String, AttributeValue>> query(TenantId tenantId, String partition, String fromBucket,
            String toBucket) {
        QueryRequest request = QueryRequest.builder().tableName(settings.rollupsTable())
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":from", AttributeValue.fromS(fromBucket), ":to", AttributeValue.fromS(toBucket + "#\uffff")))
                .build();
        return dynamo.client(tenantId).queryPaginator(request).items().stream();
    }

    private static RollupRow row(Map<String, AttributeValue> item) {
        UsageFigures figures = new UsageFigures(number(item, "invocations"), number(item, "input_tokens"),
                number(item, "output_tokens"), number(item, "cache_read_input_tokens"),
                number(item, "cache_write_input_tokens"), number(item, "cost_nanos"), number(item, "unknown_usage"));
        return new RollupRow(text(item, "bucket"), text(item, "dimension"), figures);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? "" : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
