package io.tenantchat.usage.metering.adapter.out.dynamodb;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantchat.awsmetrics.AwsRequestCounter;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.shared.usage.UsageRollupKeys;
import io.tenantchat.usage.metering.config.QuotaProperties;
import io.tenantchat.usage.metering.config.UsageProperties;
import io.tenantchat.usage.metering.application.UsageLedger;
import io.tenantchat.usage.metering.domain.Rollups;
import io.tenantchat.usage.support.UsageEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Several events in one transaction against dynoxide: rollups and token budgets sum exactly, each event is counted
 * once however often it comes, a batch holding events counted before writes the others, and the messages' holds
 * are read in one request.
 */
class DynamoDbUsageLedgerBatchIntegrationTests {

    private static final SimpleMeterRegistry REQUESTS = new SimpleMeterRegistry();
    static DynamoDbClient client;
    static DynamoDbUsageLedger ledger;

    @BeforeAll
    static void start() {
        Metrics.globalRegistry.add(REQUESTS);
        client = AwsClients.dynamoDb(SharedStandIns.dynoxide().endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        ledger = new DynamoDbUsageLedger(client, new UsageProperties("tenant-usage", "tenant-usage-rollups", 4),
                new QuotaProperties("tenants"));
    }

    @AfterAll
    static void stop() {
        Metrics.globalRegistry.remove(REQUESTS);
        client.close();
    }

    @Test
    void tenEventsOfTwoTenantsCostOneHoldReadAndOneTransactionAndSumExactly() {
        List<ModelInvoked> events = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> events.add(anEvent().tenant(i % 2 == 0 ? "tenant-b1" : "tenant-b2")
                .user("u" + (i % 3)).tokens(10L + i, 5L).build()));
        ModelInvoked held = events.get(0);
        reserved("tenant-b1", held, 1_000);
        double before = requests(null);
        double holdReadsBefore = requests("BatchGetItem");

        assertThat(ledger.recordAll(entries(events))).containsOnly(true).hasSize(10);

        assertThat(requests("BatchGetItem")).isEqualTo(holdReadsBefore + 1);
        assertThat(requests(null) - before).as("DynamoDB requests for 10 events").isEqualTo(2);
        assertThat(sum("tenant-b1", "invocations")).isEqualTo(5);
        assertThat(sum("tenant-b2", "invocations")).isEqualTo(5);
        assertThat(sum("tenant-b1", "input_tokens")).isEqualTo(10 + 12 + 14 + 16 + 18);
        assertThat(item("tenant-b1", "tokens#2026-11").get("committed").n()).isEqualTo(Long.toString(
                (10 + 12 + 14 + 16 + 18) + 5 * 5));
        assertThat(item("tenant-b1", "tokens#2026-11").get("reserved").n()).isEqualTo("0");
        assertThat(item("tenant-b1", "hold#" + held.messageId().value())).doesNotContainKey("reserved");
    }

    @Test
    void aBatchWithEventsCountedBeforeCountsOnlyTheNewOnesOnceAndARedeliveryCountsNothing() {
        List<ModelInvoked> events = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> events.add(anEvent().tenant("tenant-redelivered").tokens(3L, 1L).build()));
        ledger.recordAll(entries(events.subList(0, 3)));

        List<ModelInvoked> mixed = new ArrayList<>(events);
        mixed.add(events.get(5)); // the same event twice in one receive
        List<Boolean> counted = ledger.recordAll(entries(mixed));

        assertThat(counted).containsExactly(false, false, false, true, true, true, true, true, false);
        assertThat(ledger.recordAll(entries(events))).containsOnly(false);
        assertThat(sum("tenant-redelivered", "invocations")).isEqualTo(8);
        assertThat(sum("tenant-redelivered", "input_tokens")).isEqualTo(24);
        assertThat(item("tenant-redelivered", "tokens#2026-11").get("committed").n()).isEqualTo("32");
    }

    @Test
    void twoCallsOfOneMessageInABatchSettleItsReservationOnce() {
        UsageEvents message = anEvent().tenant("tenant-retried").tokens(100L, 40L);
        ModelInvoked first = message.build();
        ModelInvoked retry = message.attempt(2).build();
        reserved("tenant-retried", first, 1_500);

        assertThat(ledger.recordAll(entries(List.of(first, retry)))).containsExactly(true, true);

        Map<String, AttributeValue> tokens = item("tenant-retried", "tokens#2026-11");
        assertThat(tokens.get("committed").n()).isEqualTo("280");
        assertThat(tokens.get("reserved").n()).isEqualTo("0");
    }

    @Test
    void aBatchTooLargeForOneTransactionIsSplitAndStillCountsEachOnce() {
        List<ModelInvoked> events = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> events.add(anEvent().tenant("tenant-wide-" + i).tokens(1L, 1L).build()));

        assertThat(ledger.recordAll(entries(events))).containsOnly(true).hasSize(40);

        IntStream.range(0, 40).forEach(i -> assertThat(sum("tenant-wide-" + i, "invocations")).isEqualTo(1));
    }

    private static List<UsageLedger.Entry> entries(List<ModelInvoked> events) {
        return events.stream().map(e -> new UsageLedger.Entry(e, Rollups.incrementsFor(e))).toList();
    }

    /** DynamoDB requests this JVM sent so far, of one operation or ({@code null}) all. */
    private static double requests(String operationOrNull) {
        var search = REQUESTS.find(AwsRequestCounter.METER).tag("service", "DynamoDb");
        if (operationOrNull != null) {
            search = search.tag("operation", operationOrNull);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long sum(String tenant, String attribute) {
        return IntStream.range(0, 4).mapToLong(shard -> {
            Map<String, AttributeValue> item = client.getItem(g -> g.tableName("tenant-usage-rollups")
                    .consistentRead(true).key(Map.of(
                            "pk", s(UsageRollupKeys.partition(TenantId.of(tenant), Granularity.DAY, shard)),
                            "sk", s("2026-11-29#total")))).item();
            return item.containsKey(attribute) ? Long.parseLong(item.get(attribute).n()) : 0;
        }).sum();
    }

    /** What api-service wrote when it admitted the event's message. */
    private static void reserved(String tenant, ModelInvoked event, long tokens) {
        Map<String, AttributeValue> hold = new HashMap<>(key(tenant, "hold#" + event.messageId().value()));
        hold.putAll(Map.of("month", s("2026-11"), "reserved", n(tokens)));
        client.putItem(p -> p.tableName("tenants").item(hold));
        Map<String, AttributeValue> month = new HashMap<>(key(tenant, "tokens#2026-11"));
        month.putAll(Map.of("committed", n(tokens), "reserved", n(tokens)));
        client.putItem(p -> p.tableName("tenants").item(month));
    }

    private static Map<String, AttributeValue> item(String tenant, String sk) {
        return client.getItem(g -> g.tableName("tenants").key(key(tenant, sk)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> key(String tenant, String sk) {
        return Map.of("tenant_id", s(tenant), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
