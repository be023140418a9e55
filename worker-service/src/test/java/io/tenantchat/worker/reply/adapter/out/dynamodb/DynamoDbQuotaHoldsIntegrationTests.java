package io.tenantchat.worker.reply.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.reply.config.QuotaProperties;
import io.tenantchat.worker.reply.application.ReleaseStaleHoldsService;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reconciler against dynoxide, on holds laid out as api-service's DynamoDbQuotaLedger writes them; two
 * reconcilers with their own clients stand for two worker instances.
 */
class DynamoDbQuotaHoldsIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final String TENANTS = "tenants";

    private static DynoxideServer dynoxide;
    private static DynamoDbClient one;
    private static DynamoDbClient two;

    @BeforeAll
    static void startDynoxide() {
        dynoxide = DynoxideServer.start(null);
        one = AwsClients.dynamoDb(dynoxide.endpoint());
        two = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(one, TableNames.defaults());
    }

    @AfterAll
    static void stopDynoxide() {
        one.close();
        two.close();
        dynoxide.close();
    }

    @Test
    void givesBackAHoldOlderThanTheLongestJobLifeOnceAcrossTwoInstances() {
        reconciler(one).releaseStaleHolds(); // other tests' holds, so the count below is this test's alone
        TenantId tenant = newTenant();
        SessionId session = SessionId.random();
        MessageId leaked = hold(tenant, session, NOW.minus(MAX_AGE).minusSeconds(1), true, 1_500);

        int released = reconciler(one).releaseStaleHolds() + reconciler(two).releaseStaleHolds();

        assertThat(released).isEqualTo(1);
        assertThat(item(tenant, "live").get("inflight").n()).isEqualTo("0");
        assertThat(item(tenant, "live").get("sessions").m()).isEmpty();
        assertThat(item(tenant, "tokens#2026-11").get("reserved").n()).isEqualTo("0");
        assertThat(item(tenant, "tokens#2026-11").get("committed").n()).isEqualTo("0");
        assertThat(item(tenant, "hold#" + leaked.value())).doesNotContainKeys("in_flight", "reserved");
    }

    @Test
    void leavesHoldsYoungerThanTheLongestJobLifeAlone() {
        TenantId tenant = newTenant();
        MessageId generating = hold(tenant, SessionId.random(), NOW.minus(MAX_AGE).plusSeconds(60), true, 1_500);

        assertThat(new DynamoDbQuotaHolds(one, new QuotaProperties(TENANTS)).heldSince(NOW.minus(MAX_AGE)))
                .noneMatch(ref -> ref.tenantId().equals(tenant));
        reconciler(one).releaseStaleHolds();

        assertThat(item(tenant, "live").get("inflight").n()).isEqualTo("1");
        assertThat(item(tenant, "hold#" + generating.value())).containsKeys("in_flight", "reserved");
    }

    @Test
    void datesAHoldWrittenBeforeHeldAtExistedByItsExpiry() {
        TenantId tenant = newTenant();
        MessageId leaked = hold(tenant, SessionId.random(), NOW.minus(Duration.ofDays(2)), false, 800);

        assertThat(new DynamoDbQuotaHolds(one, new QuotaProperties(TENANTS)).heldSince(NOW.minus(MAX_AGE)))
                .contains(new MessageRef(tenant, SessionId.of(item(tenant, "hold#" + leaked.value())
                        .get("session_id").s()), leaked));
        reconciler(one).releaseStaleHolds();

        assertThat(item(tenant, "live").get("inflight").n()).isEqualTo("0");
        assertThat(item(tenant, "tokens#2026-11").get("reserved").n()).isEqualTo("0");
    }

    @Test
    void aReservationAlreadySettledByTheUsageLedgerIsNotGivenBackTwice() {
        TenantId tenant = newTenant();
        MessageId completed = hold(tenant, SessionId.random(), NOW.minus(Duration.ofHours(2)), true, 1_500);
        one.updateItem(u -> u.tableName(TENANTS).key(key(tenant, "hold#" + completed.value()))
                .updateExpression("REMOVE reserved"));
        one.updateItem(u -> u.tableName(TENANTS).key(key(tenant, "tokens#2026-11"))
                .updateExpression("SET reserved = :zero").expressionAttributeValues(Map.of(":zero", n(0))));

        reconciler(one).releaseStaleHolds();

        assertThat(item(tenant, "live").get("inflight").n()).isEqualTo("0");
        assertThat(item(tenant, "tokens#2026-11").get("reserved").n()).isEqualTo("0");
        assertThat(item(tenant, "tokens#2026-11").get("committed").n()).isEqualTo("1500");
    }

    private static ReleaseStaleHoldsService reconciler(DynamoDbClient client) {
        return new ReleaseStaleHoldsService(new DynamoDbQuotaHolds(client, new QuotaProperties(TENANTS)), MAX_AGE,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The hold, live and token items api-service writes when it admits one message (with or without held_at). */
    private static MessageId hold(TenantId tenant, SessionId session, Instant heldAt, boolean withHeldAt, long tokens) {
        MessageId id = MessageId.next(Clock.fixed(heldAt, ZoneOffset.UTC));
        Map<String, AttributeValue> hold = new HashMap<>(key(tenant, "hold#" + id.value()));
        hold.putAll(Map.of("session_id", s(session.value()), "month", s("2026-11"), "day", s("2026-11-29"),
                "in_flight", n(1), "reserved", n(tokens),
                "expires_at", n(heldAt.plus(Duration.ofDays(35)).getEpochSecond())));
        if (withHeldAt) {
            hold.put("held_at", n(heldAt.getEpochSecond()));
        }
        one.putItem(p -> p.tableName(TENANTS).item(hold));
        Map<String, AttributeValue> live = new HashMap<>(key(tenant, "live"));
        live.putAll(Map.of("inflight", n(1), "sessions", AttributeValue.fromM(Map.of(session.value(), n(1)))));
        one.putItem(p -> p.tableName(TENANTS).item(live));
        Map<String, AttributeValue> counted = new HashMap<>(key(tenant, "tokens#2026-11"));
        counted.putAll(Map.of("committed", n(tokens), "reserved", n(tokens)));
        one.putItem(p -> p.tableName(TENANTS).item(counted));
        return id;
    }

    private static TenantId newTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static Map<String, AttributeValue> item(TenantId tenant, String sk) {
        return one.getItem(g -> g.tableName(TENANTS).key(key(tenant, sk)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String sk) {
        return Map.of("tenant_id", s(tenant.value()), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
