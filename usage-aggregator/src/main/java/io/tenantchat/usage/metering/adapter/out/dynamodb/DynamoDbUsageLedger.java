package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import io.tenantchat.usage.config.QuotaProperties;
import io.tenantchat.usage.config.UsageProperties;
import io.tenantchat.usage.metering.application.UsageLedger;
import io.tenantchat.usage.metering.domain.RollupIncrement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One {@code TransactWriteItems} per event: the counted-event marker (conditional), the raw row and every rollup
 * increment. A duplicate fails the marker's condition and so changes nothing.
 */
@Component
class DynamoDbUsageLedger implements UsageLedger {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String ROLLUP_UPDATE = "SET #tenant = :tenant, #granularity = :granularity, #bucket = :bucket, "
            + "#dimension = :dimension ADD #invocations :invocations, #input :input, #output :output, "
            + "#cacheRead :cacheRead, #cacheWrite :cacheWrite, #cost :cost, #unknown :unknown";
    /** Every attribute aliased: several (bucket, dimension) are DynamoDB reserved words. */
    private static final Map<String, String> ROLLUP_NAMES = Map.ofEntries(Map.entry("#tenant", "tenant_id"),
            Map.entry("#granularity", "granularity"), Map.entry("#bucket", "bucket"), Map.entry("#dimension", "dimension"),
            Map.entry("#invocations", "invocations"), Map.entry("#input", "input_tokens"),
            Map.entry("#output", "output_tokens"), Map.entry("#cacheRead", "cache_read_input_tokens"),
            Map.entry("#cacheWrite", "cache_write_input_tokens"), Map.entry("#cost", "cost_nanos"),
            Map.entry("#unknown", "unknown_usage"));

    private final DynamoDbClient dynamo;
    private final UsageProperties settings;
    private final TokenBudget budget;

    DynamoDbUsageLedger(DynamoDbClient dynamo, UsageProperties settings) {
        this(dynamo, settings, new QuotaProperties("tenants"));
    }

    @Autowired
    DynamoDbUsageLedger(DynamoDbClient dynamo, UsageProperties settings, QuotaProperties quotas) {
        this.dynamo = dynamo;
        this.settings = settings;
        this.budget = new TokenBudget(dynamo, quotas.tenantsTable());
    }

    /** Counts the event once; the tenant's token budget is booked in the same transaction (TokenBudget). */
    @Override
    public boolean record(ModelInvoked event, List<RollupIncrement> increments) {
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(marker(event));
            writes.add(rawRow(event));
            int shard = UsageRollupKeys.shardOf(event.eventId(), settings.rollupShards());
            increments.forEach(increment -> writes.add(rollup(event, increment, shard)));
            int budgetStart = writes.size();
            writes.addAll(budget.writes(event, budget.hold(event)));
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if (CONDITION_FAILED.equals(e.cancellationReasons().get(0).code())) {
                    return false;
                }
                boolean holdChanged = e.cancellationReasons().size() > budgetStart
                        && CONDITION_FAILED.equals(e.cancellationReasons().get(budgetStart).code());
                if (!holdChanged || attempt >= 3) {
                    throw e;
                }
                // the worker gave the reservation back meanwhile (the message failed): book the tokens alone
            }
        }
    }

    private TransactWriteItem marker(ModelInvoked event) {
        Map<String, AttributeValue> item = Map.of(
                "pk", s(UsageRollupKeys.eventMarker(event.tenantId(), event.eventId())), "sk", s("marker"),
                "tenant_id", s(event.tenantId().value()), "event_id", s(event.eventId()));
        return TransactWriteItem.builder().put(Put.builder().tableName(settings.rollupsTable()).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem rawRow(ModelInvoked event) {
        return TransactWriteItem.builder().put(Put.builder().tableName(settings.usageTable())
                .item(UsageRows.rawRow(event)).build()).build();
    }

    private TransactWriteItem rollup(ModelInvoked event, RollupIncrement i, int shard) {
        Map<String, AttributeValue> key = Map.of(
                "pk", s(UsageRollupKeys.partition(event.tenantId(), i.granularity(), shard)),
                "sk", s(UsageRollupKeys.sort(i.bucket(), i.dimension())));
        Map<String, AttributeValue> values = Map.ofEntries(Map.entry(":tenant", s(event.tenantId().value())),
                Map.entry(":granularity", s(i.granularity().wireValue())), Map.entry(":bucket", s(i.bucket())),
                Map.entry(":dimension", s(i.dimension())), Map.entry(":invocations", n(i.invocations())),
                Map.entry(":input", n(i.inputTokens())), Map.entry(":output", n(i.outputTokens())),
                Map.entry(":cacheRead", n(i.cacheReadInputTokens())), Map.entry(":cacheWrite", n(i.cacheWriteInputTokens())),
                Map.entry(":cost", n(i.costNanos())), Map.entry(":unknown", n(i.unknownUsage())));
        return TransactWriteItem.builder().update(Update.builder().tableName(settings.rollupsTable()).key(key)
                .updateExpression(ROLLUP_UPDATE).expressionAttributeNames(ROLLUP_NAMES)
                .expressionAttributeValues(values).build()).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
