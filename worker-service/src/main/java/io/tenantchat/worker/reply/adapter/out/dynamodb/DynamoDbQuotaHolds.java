package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.MessageId;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.worker.config.QuotaProperties;
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
    private static final String HOLD = "hold#";

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
                .filterExpression("begins_with(sk, :hold) AND (attribute_exists(in_flight) OR attribute_exists(reserved))"
                        + " AND (held_at < :cutoff OR (attribute_not_exists(held_at) AND expires_at < :expiresBy))")
                .projectionExpression("tenant_id, sk, session_id")
                .expressionAttributeValues(Map.of(":hold", Keys.s(HOLD), ":cutoff", Keys.n(cutoff.getEpochSecond()),
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
        if (hold.containsKey("held_at")) {
            return Long.parseLong(hold.get("held_at").n()) < cutoff.getEpochSecond();
        }
        return hold.containsKey("expires_at") && Long.parseLong(hold.get("expires_at").n()) < expiresBy(cutoff);
    }

    private static long expiresBy(Instant cutoff) {
        return cutoff.plus(Duration.ofDays(HOLD_DAYS)).getEpochSecond();
    }

    /** The message of a scanned hold; a malformed one is skipped. */
    private static Optional<MessageRef> ref(Map<String, AttributeValue> item) {
        String tenant = text(item, "tenant_id");
        String session = text(item, "session_id");
        String sk = text(item, "sk");
        String message = sk == null || !sk.startsWith(HOLD) ? null : sk.substring(HOLD.length());
        if (tenant == null || session == null || message == null || !TenantId.isValid(tenant)
                || !SessionId.isValid(session) || !MessageId.isValid(message)) {
            return Optional.empty();
        }
        return Optional.of(new MessageRef(TenantId.of(tenant), SessionId.of(session), MessageId.of(message)));
    }

    private static @Nullable String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
