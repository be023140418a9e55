package io.tenantchat.usage.metering.adapter.out.dynamodb;

import static io.tenantchat.usage.support.UsageEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.usage.ModelInvoked;
import io.tenantchat.usage.metering.config.QuotaProperties;
import io.tenantchat.usage.metering.config.UsageProperties;
import io.tenantchat.usage.metering.domain.Rollups;
import io.tenantchat.usage.support.UsageEvents;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each counted model call books its real tokens against the tenant's month and the message's first counted call
 * settles its reservation, exactly once (items laid out as api-service's DynamoDbQuotaLedger writes them).
 */
class DynamoDbUsageLedgerTokenBudgetIntegrationTests {

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbUsageLedger ledger;

    @BeforeAll
    static void start() {
        dynoxide = SharedStandIns.dynoxide();
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        ledger = new DynamoDbUsageLedger(client, new UsageProperties("tenant-usage", "tenant-usage-rollups", 4),
                new QuotaProperties("tenants"));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void theFirstCallOfAMessageReplacesItsReservationByItsRealTokensOnce() {
        UsageEvents message = anEvent().tenant("tenant-budget").tokens(100L, 40L);
        ModelInvoked first = message.build();
        reserved("tenant-budget", first, 1_500);

        assertThat(ledger.record(first, Rollups.incrementsFor(first))).isTrue();
        assertThat(ledger.record(first, Rollups.incrementsFor(first))).as("a duplicate event").isFalse();
        ModelInvoked retry = message.attempt(2).build();
        ledger.record(retry, Rollups.incrementsFor(retry));

        Map<String, AttributeValue> tokens = item("tenant-budget", "tokens#2026-11");
        assertThat(tokens.get("committed").n()).isEqualTo("280");
        assertThat(tokens.get("reserved").n()).isEqualTo("0");
        assertThat(item("tenant-budget", "hold#" + first.messageId().value())).doesNotContainKey("reserved");
    }

    @Test
    void aCallWhoseReservationWasAlreadyGivenBackBooksOnlyItsTokens() {
        ModelInvoked event = anEvent().tenant("tenant-released").tokens(10L, 5L).build();

        assertThat(ledger.record(event, Rollups.incrementsFor(event))).isTrue();

        assertThat(item("tenant-released", "tokens#2026-11").get("committed").n()).isEqualTo("15");
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
