package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Hold;
import io.tenantchat.worker.reply.config.QuotaProperties;
import io.tenantchat.worker.reply.application.QuotaHolds;
import io.tenantchat.worker.reply.domain.MessageRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stale holds in the tenants table: one paginated scan (filtered to {@code hold#} items that still hold something
 * and were taken before the cutoff), then per hold a consistent read and the conditional release
 * {@link QuotaRelease} writes. A hold written before {@code held_at} existed is dated by its {@code expires_at}
 * (api-service sets it {@value #HOLD_DAYS} days after taking the hold).
 */
@Component
class DynamoDbQuotaHolds implements QuotaHolds {

    static final long HOLD_DAYS = 35;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final QuotaRelease quota;

    DynamoDbQuotaHolds(DynamoDbClient dynamoDb, QuotaProperties quotas) {
        this.dynamoDb = dynamoDb;
        this.table = quotas.tenantsTable();
        this.quota = new QuotaRelease(dynamoDb, table);
    }

    @Override
    public List<MessageRef> heldSince(Instant cutoff) {
        ScanRequest scan = ScanRequest.builder().tableName(table)
                .filterExpression("begins_with(" + TenantsTable.SK + ", :hold) AND (attribute_exists(" + Hold.IN_FLIGHT
                        + ") OR attribute_exists(" + Hold.RESERVED + ")) AND (" + Hold.HELD_AT + " < :cutoff OR"
                        + " (attribute_not_exists(" + Hold.HELD_AT + ") AND " + TenantsTable.EXPIRES_AT + " < :expiresBy))")
                .projectionExpression(String.join(", ", TenantsTable.TENANT_ID, TenantsTable.SK, Hold.SESSION_ID))
                .expressionAttributeValues(Map.of(":hold", Keys.s(TenantsTable.HOLD_PREFIX), ":cutoff", Keys.n(cutoff.getEpochSecond()),
                        ":expiresBy", Keys.n(expiresBy(cutoff))))
                .build();
        return dynamoDb.scanPaginator(scan).items().stream().map(DynamoDbQuotaHolds::ref).flatMap(Optional::stream)
                .toList();
    }

    @Override
    public boolean releaseIfHeldSince(MessageRef ref, Instant cutoff) {
        Map<String, AttributeValue> hold = quota.hold(ref);
        if (!takenBefore(hold, cutoff)) {
            return false;
        }
        List<TransactWriteItem> release = quota.writes(ref, hold, true);
        if (release.isEmpty()) {
            return false;
        }
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(release));
        } catch (TransactionCanceledException e) {
            return false; // given back or taken anew meanwhile; a later round sees it again if still stale
        }
        quota.forgetIdleSession(ref, hold);
        return true;
    }

    private static boolean takenBefore(Map<String, AttributeValue> hold, Instant cutoff) {
        if (hold.containsKey(Hold.HELD_AT)) {
            return Long.parseLong(hold.get(Hold.HELD_AT).n()) < cutoff.getEpochSecond();
        }
        return hold.containsKey(TenantsTable.EXPIRES_AT)
                && Long.parseLong(hold.get(TenantsTable.EXPIRES_AT).n()) < expiresBy(cutoff);
    }

    private static long expiresBy(Instant cutoff) {
        return cutoff.plus(Duration.ofDays(HOLD_DAYS)).getEpochSecond();
    }

    /** The message of a scanned hold; a malformed one is skipped. */
    private static Optional<MessageRef> ref(Map<String, AttributeValue> item) {
        String tenant = text(item, TenantsTable.TENANT_ID);
        String session = text(item, Hold.SESSION_ID);
        String sk = text(item, TenantsTable.SK);
        MessageId message = sk == null ? null : TenantsTable.heldMessage(sk).orElse(null);
        if (tenant == null || session == null || message == null || !TenantId.isValid(tenant)
                || !SessionId.isValid(session)) {
            return Optional.empty();
        }
        return Optional.of(new MessageRef(TenantId.of(tenant), SessionId.of(session), message));
    }

    private static @Nullable String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
