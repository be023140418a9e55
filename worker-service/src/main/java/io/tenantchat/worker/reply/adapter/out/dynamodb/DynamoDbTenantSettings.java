package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Plan;
import io.tenantchat.shared.table.TenantsTable.Profile;
import io.tenantchat.worker.reply.application.TenantLimits;
import io.tenantchat.worker.reply.application.TenantProfiles;
import io.tenantchat.worker.reply.config.ProfileProperties;
import io.tenantchat.worker.reply.config.QuotaProperties;
import io.tenantchat.worker.reply.domain.Guardrail;
import io.tenantchat.worker.reply.domain.TenantProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the worker needs of a tenant's settings in the tenants table (api-service writes them): its profile from the
 * {@code profile} item, with the plan's {@code model_override} as the model when the profile names none, and the
 * plan's {@code max_in_flight} (no plan: the {@code open} tier, unbounded). Both items come back from one Query of
 * the tenant's partition ({@code sk} between {@code plan} and {@code profile}); each worker reads a tenant at most
 * once per {@code tenantchat.profiles.cache-ttl}, so a saved change reaches the next reply within that time without a
 * restart (ADR 007). The cap came from a GetItem of its own before (once a minute per tenant and worker).
 */
@Component
class DynamoDbTenantSettings implements TenantProfiles, TenantLimits {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration ttl;
    private final Clock clock;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    DynamoDbTenantSettings(DynamoDbClient dynamoDb, QuotaProperties quotas, ProfileProperties profiles) {
        this(dynamoDb, quotas.tenantsTable(), profiles.cacheTtl(), Clock.systemUTC());
    }

    DynamoDbTenantSettings(DynamoDbClient dynamoDb, String table, Duration ttl, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public TenantProfile profileOf(TenantId tenant) {
        return settings(tenant).profile();
    }

    @Override
    public OptionalInt maxInFlight(TenantId tenant) {
        return settings(tenant).maxInFlight();
    }

    private Cached settings(TenantId tenant) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached == null || !cached.readAt().plus(ttl).isAfter(now)) {
            cached = read(tenant, now);
            cache.put(tenant, cached);
        }
        return cached;
    }

    private Cached read(TenantId tenant, Instant now) {
        List<Map<String, AttributeValue>> items = dynamoDb.query(q -> q.tableName(table)
                .keyConditionExpression("tenant_id = :tenant AND sk BETWEEN :plan AND :profile")
                .expressionAttributeValues(Map.of(":tenant", Keys.s(tenant.value()),
                        ":plan", Keys.s(TenantsTable.PLAN), ":profile", Keys.s(TenantsTable.PROFILE)))).items();
        Map<String, AttributeValue> plan = item(items, TenantsTable.PLAN);
        Map<String, AttributeValue> profile = item(items, TenantsTable.PROFILE);
        String model = s(profile, Profile.MODEL);
        TenantProfile settings = new TenantProfile(number(profile, Profile.VERSION, 0L),
                s(profile, Profile.SYSTEM_PROMPT), model == null ? s(plan, Plan.MODEL_OVERRIDE) : model,
                integer(profile, Profile.MAX_OUTPUT_TOKENS), decimal(profile, Profile.TEMPERATURE), guardrail(profile),
                integer(profile, Profile.HISTORY_MAX_TURNS), integer(profile, Profile.HISTORY_MAX_CHARS));
        AttributeValue cap = plan.get(Plan.MAX_IN_FLIGHT);
        OptionalInt maxInFlight = cap == null || cap.n() == null ? OptionalInt.empty()
                : OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Long.parseLong(cap.n())));
        return new Cached(settings, maxInFlight, now);
    }

    private static @Nullable Guardrail guardrail(Map<String, AttributeValue> profile) {
        String id = s(profile, Profile.GUARDRAIL_ID);
        String version = s(profile, Profile.GUARDRAIL_VERSION);
        return id == null || version == null ? null : new Guardrail(id, version);
    }

    private static Map<String, AttributeValue> item(List<Map<String, AttributeValue>> items, String sortKey) {
        return items.stream().filter(item -> sortKey.equals(s(item, TenantsTable.SK))).findFirst().orElse(Map.of());
    }

    private static @Nullable String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static @Nullable Integer integer(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Integer.valueOf(value.n());
    }

    private static long number(Map<String, AttributeValue> item, String name, long absent) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? absent : Long.parseLong(value.n());
    }

    private static @Nullable Float decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Float.valueOf(value.n());
    }

    private record Cached(TenantProfile profile, OptionalInt maxInFlight, Instant readAt) {
    }
}
