package io.tenantchat.usage.metering.adapter.out.dynamodb;

import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import io.tenantchat.usage.metering.config.QuotaProperties;
import io.tenantchat.usage.metering.config.UsageProperties;
import io.tenantchat.usage.metering.application.UsageLedger;
import io.tenantchat.usage.metering.domain.RollupIncrement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One {@code TransactWriteItems} per event, or per batch of events: each event's counted-event marker
 * (conditional), its raw row, and the rollup increments and token-budget changes, summed per item across the
 * batch (a transaction may not touch one item twice; at most {@value #MAX_ITEMS} items, else the batch is split).
 * A duplicate fails its marker's condition and so changes nothing: a batch cancelled only by markers is written
 * again without those events; one cancelled for any other reason is recorded event by event. The messages' quota
 * holds are read for the whole batch in one {@code BatchGetItem}.
 */
@Component
class DynamoDbUsageLedger implements UsageLedger {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final int MAX_ITEMS = 100;
    private static final String ROLLUP_UPDATE = "SET #tenant = :tenant, #granularity = :granularity, #bucket = :bucket, "
            + "#dimension = :dimension ADD #invocations :invocations, #input :input, #output :output, "
            + "#cacheRead :cacheRead, #cacheWrite :cacheWrite, #cost :cost, #unknown :unknown";
    /** Every attribute aliased: several (bucket, dimension) are DynamoDB reserved words. */
    static final Map<String, String> ROLLUP_NAMES = Map.ofEntries(Map.entry("#tenant", "tenant_id"),
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

    @Override
    public List<Boolean> recordAll(List<Entry> entries) {
        Boolean[] counted = new Boolean[entries.size()];
        Set<String> seen = new HashSet<>();
        List<Integer> unique = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (seen.add(entries.get(i).event().eventId())) {
                unique.add(i);
            } else {
                counted[i] = false; // the same event twice in one batch: counted once, by the first
            }
        }
        Map<String, Map<String, AttributeValue>> holds = budget.holds(unique.stream()
                .map(i -> entries.get(i).event()).toList());
        write(entries, unique, holds, counted);
        return Arrays.asList(counted);
    }

    /** Writes the entries at {@code indexes} in one transaction, or in halves when they make too many items. */
    private void write(List<Entry> entries, List<Integer> indexes, Map<String, Map<String, AttributeValue>> holds,
            Boolean[] counted) {
        if (indexes.isEmpty()) {
            return;
        }
        List<Entry> batch = indexes.stream().map(entries::get).toList();
        List<TransactWriteItem> writes = batchWrites(batch, holds);
        if (writes.size() > MAX_ITEMS && indexes.size() > 1) {
            int half = indexes.size() / 2;
            write(entries, indexes.subList(0, half), holds, counted);
            write(entries, indexes.subList(half, indexes.size()), holds, counted);
            return;
        }
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            indexes.forEach(i -> counted[i] = true);
        } catch (TransactionCanceledException e) {
            List<Integer> duplicates = duplicates(indexes, e);
            if (duplicates.isEmpty()) {
                indexes.forEach(i -> counted[i] = record(entries.get(i).event(), entries.get(i).increments()));
                return;
            }
            duplicates.forEach(i -> counted[i] = false);
            List<Integer> rest = new ArrayList<>(indexes);
            rest.removeAll(duplicates);
            write(entries, rest, holds, counted);
        }
    }

    /**
     * The entries whose marker failed its condition, when nothing else did (the markers are the first items, in
     * entry order); empty when any other item failed.
     */
    private static List<Integer> duplicates(List<Integer> indexes, TransactionCanceledException e) {
        List<Integer> duplicates = new ArrayList<>();
        List<CancellationReason> reasons = e.cancellationReasons();
        for (int item = 0; item < reasons.size(); item++) {
            String code = reasons.get(item).code();
            boolean failed = code != null && !"None".equals(code);
            if (failed && item < indexes.size() && CONDITION_FAILED.equals(code)) {
                duplicates.add(indexes.get(item));
            } else if (failed) {
                return List.of();
            }
        }
        return duplicates;
    }

    /**
     * Markers first (in entry order), then raw rows, rollups summed per item, hold settlements (the first event of
     * a message settles its hold) and month counters summed per tenant and month.
     */
    private List<TransactWriteItem> batchWrites(List<Entry> batch, Map<String, Map<String, AttributeValue>> holds) {
        List<TransactWriteItem> writes = new ArrayList<>();
        batch.forEach(entry -> writes.add(marker(entry.event())));
        batch.forEach(entry -> writes.add(rawRow(entry.event())));
        Map<List<Object>, RollupIncrement> rollups = new LinkedHashMap<>();
        Map<List<Object>, ModelInvoked> rollupEvents = new HashMap<>();
        Map<List<String>, TokenBudget.Delta> counters = new LinkedHashMap<>();
        Set<String> settled = new HashSet<>();
        List<TransactWriteItem> settlements = new ArrayList<>();
        for (Entry entry : batch) {
            ModelInvoked event = entry.event();
            int shard = UsageRollupKeys.shardOf(event.eventId(), settings.rollupShards());
            for (RollupIncrement increment : entry.increments()) {
                List<Object> key = List.of(event.tenantId().value(), shard, increment.granularity(),
                        increment.bucket(), increment.dimension());
                rollups.merge(key, increment, DynamoDbUsageLedger::sum);
                rollupEvents.putIfAbsent(key, event);
            }
            String message = TokenBudget.messageKey(event);
            Map<String, AttributeValue> hold = settled.add(message) ? holds.getOrDefault(message, Map.of()) : Map.of();
            budget.settle(event, hold).ifPresent(settlements::add);
            budget.deltas(event, hold).forEach(delta -> counters.merge(
                    List.of(event.tenantId().value(), delta.month()), delta, TokenBudget.Delta::plus));
        }
        rollups.forEach((key, increment) -> writes.add(rollup(
                Objects.requireNonNull(rollupEvents.get(key), "every rollup has its first event"), increment,
                (int) key.get(1))));
        writes.addAll(settlements);
        counters.forEach((key, delta) -> writes.add(budget.add(key.get(0), delta)));
        return writes;
    }

    private static RollupIncrement sum(RollupIncrement a, RollupIncrement b) {
        return new RollupIncrement(a.granularity(), a.bucket(), a.dimension(), a.invocations() + b.invocations(),
                a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(),
                a.cacheReadInputTokens() + b.cacheReadInputTokens(),
                a.cacheWriteInputTokens() + b.cacheWriteInputTokens(), a.costNanos() + b.costNanos(),
                a.unknownUsage() + b.unknownUsage());
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
