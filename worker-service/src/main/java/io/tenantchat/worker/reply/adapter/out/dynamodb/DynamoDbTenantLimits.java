package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Plan;
import io.tenantchat.worker.reply.config.QuotaProperties;
import io.tenantchat.worker.reply.application.TenantLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A tenant's {@code max_in_flight} from its {@code plan} item in the tenants table (api-service writes it), read at
 * most once per {@link #FRESH} per tenant and worker; a tenant without a plan (the {@code open} tier) is unbounded.
 */
@Component
class DynamoDbTenantLimits implements TenantLimits {

    static final Duration FRESH = Duration.ofMinutes(1);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

    DynamoDbTenantLimits(DynamoDbClient dynamoDb, QuotaProperties quotas) {
        this.dynamoDb = dynamoDb;
        this.table = quotas.tenantsTable();
        this.clock = Clock.systemUTC();
    }

    @Override
    public OptionalInt maxInFlight(TenantId tenant) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached == null || cached.readAt().plus(FRESH).isBefore(now)) {
            cached = new Cached(read(tenant), now);
            cache.put(tenant, cached);
        }
        return cached.cap();
    }

    private OptionalInt read(TenantId tenant) {
        Map<String, AttributeValue> plan = dynamoDb.getItem(g -> g.tableName(table)
                .key(Map.of(TenantsTable.TENANT_ID, Keys.s(tenant.value()), TenantsTable.SK, Keys.s(TenantsTable.PLAN)))
                .projectionExpression(Plan.MAX_IN_FLIGHT)).item();
        AttributeValue cap = plan == null ? null : plan.get(Plan.MAX_IN_FLIGHT);
        return cap == null || cap.n() == null ? OptionalInt.empty()
                : OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Long.parseLong(cap.n())));
    }

    private record Cached(OptionalInt cap, Instant readAt) {
    }
}
