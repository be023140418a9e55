package io.tenantchat.api.audit.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.audit.application.AuditConflictException;
import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.audit.application.AuditService;
import io.tenantchat.api.audit.application.AuditTrail.AuditPage;
import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditEvent;
import io.tenantchat.shared.audit.AuditVerification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit table against dynoxide over the wire, in the table local-stack's Provisioner creates. */
class DynamoDbAuditTrailIntegrationTests {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final Caller OPERATOR = new Caller(TenantId.of("platform"), UserId.of("op-1"),
            Set.of(Caller.PLATFORM_OPERATOR));

    static DynoxideServer dynoxide;
    static DynamoDbClient client;
    static DynamoDbAuditTrail trail;
    static AuditRecorder recorder;
    static AuditService service;

    @BeforeAll
    static void start() {
        dynoxide = DynoxideServer.start(null);
        client = AwsClients.dynamoDb(dynoxide.endpoint());
        Provisioner.createTables(client, TableNames.defaults());
        trail = new DynamoDbAuditTrail(TenantDynamoDb.serviceCredentials(client),
                new AuditProperties(Provisioner.AUDIT_TABLE));
        recorder = new AuditRecorder(trail, Clock.fixed(T0, ZoneOffset.UTC), () -> "req-1");
        service = new AuditService(trail);
    }

    @AfterAll
    static void stop() {
        client.close();
        dynoxide.close();
    }

    static TenantId newTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static List<AuditEntry> record(TenantId tenant, int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            entries.add(recorder.record(recorder.event(OPERATOR, tenant, "plan.changed", "plan",
                    Map.of("tier", "basic"), Map.of("tier", "premium", "n", Integer.toString(i)))));
        }
        return entries;
    }

    @Test
    void storesEachEntryAsItWasChainedAndReadsTheChainBackInOrderPageByPage() {
        TenantId tenant = newTenant();
        List<AuditEntry> written = record(tenant, 5);

        AuditPage first = trail.page(tenant, 0, 2);
        AuditPage second = trail.page(tenant, first.continueAfter(), 2);
        AuditPage third = trail.page(tenant, second.continueAfter(), 2);

        List<AuditEntry> read = new ArrayList<>(first.entries());
        read.addAll(second.entries());
        read.addAll(third.entries());
        assertThat(read).isEqualTo(written);
        assertThat(third.continueAfter()).isNull();
        assertThat(trail.last(tenant)).contains(written.getLast());
        assertThat(AuditChain.verify(tenant, read).intact()).isTrue();
    }

    @Test
    void refusesASecondEntryForATakenSequenceNumber() {
        TenantId tenant = newTenant();
        AuditEntry first = record(tenant, 1).getFirst();
        AuditEntry rival = AuditChain.next(null, new AuditEvent(tenant, "x/y", "plan.changed", "plan", Map.of(),
                Map.of(), "req-2"), T0);

        assertThatThrownBy(() -> trail.append(tenant, rival)).isInstanceOf(AuditConflictException.class);
        assertThat(trail.page(tenant, 0, 10).entries()).containsExactly(first);
    }

    @Test
    void keepsEachTenantsChainApart() {
        TenantId acme = newTenant();
        TenantId globex = newTenant();
        record(acme, 2);
        record(globex, 1);

        assertThat(trail.page(acme, 0, 10).entries()).hasSize(2).allMatch(e -> e.tenantId().equals(acme));
        assertThat(trail.page(globex, 0, 10).entries()).singleElement().satisfies(e -> assertThat(e.seq()).isEqualTo(1));
    }

    @Test
    void verificationFindsAnEntryEditedInTheTable() {
        TenantId tenant = newTenant();
        record(tenant, 3);
        client.updateItem(u -> u.tableName(Provisioner.AUDIT_TABLE).key(AuditItems.key(tenant, 2))
                .updateExpression("SET #after.tier = :tier").expressionAttributeNames(Map.of("#after", "after"))
                .expressionAttributeValues(Map.of(":tier", AttributeValue.fromS("open"))));

        AuditVerification result = service.verify(OPERATOR, tenant.value());

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("modified");
    }

    @Test
    void verificationFindsAnEntryDeletedFromTheTable() {
        TenantId tenant = newTenant();
        record(tenant, 3);
        client.deleteItem(d -> d.tableName(Provisioner.AUDIT_TABLE).key(AuditItems.key(tenant, 2)));

        AuditVerification result = service.verify(OPERATOR, tenant.value());

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("gap");
    }

    @Test
    void verificationOfAnUntouchedChainReportsItsLengthAndHead() {
        TenantId tenant = newTenant();
        List<AuditEntry> written = record(tenant, 3);

        AuditVerification result = service.verify(OPERATOR, tenant.value());

        assertThat(result).isEqualTo(AuditVerification.ok(3, written.getLast().hash()));
    }
}
