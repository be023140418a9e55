package io.tenantchat.worker.reply.adapter.out.dynamodb;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Plan;
import io.tenantchat.shared.table.TenantsTable.Profile;
import io.tenantchat.worker.reply.application.TenantLimits;
import io.tenantchat.worker.reply.application.TenantProfiles;
import io.tenantchat.worker.reply.application.TenantSettingsChanges;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the worker needs of a tenant's settings in the tenants table (api-service writes them): its profile from the
 * {@code profile} item, with the plan's {@code model_override} as the model when the profile names none, and the
 * plan's {@code max_in_flight} (no plan: the {@code open} tier, unbounded). Both items come back from one Query of
 * the tenant's partition ({@code sk} between {@code plan} and {@code profile}), ADR 007.
 *
 * <p>Each worker reads a tenant at most once per cache time: jobs of a tenant that miss the cache together wait for
 * one read instead of each sending its own. When api-service's changes are heard ({@link #changed}, from the
 * plan-changes channel on Redis) the cache time is {@code tenantchat.profiles.announced-cache-ttl} (minutes: a
 * saved change is forgotten at once, the time only bounds a change missed while Redis was unreachable); without
 * Redis it is {@code tenantchat.profiles.cache-ttl} (seconds). A read that was under way when a change was heard
 * answers the jobs waiting for it but is not kept.
 */
@Component
class DynamoDbTenantSettings implements TenantProfiles, TenantLimits, TenantSettingsChanges {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration ttl;
    private final Clock clock;
    /** Per tenant, its settings or the read of them under way (which the tenant's other jobs wait for). */
    private final Map<TenantId, CompletableFuture<Cached>> cache = new ConcurrentHashMap<>();

    @Autowired
    DynamoDbTenantSettings(DynamoDbClient dynamoDb, QuotaProperties quotas, ProfileProperties profiles,
            @Value("${tenantchat.stream.redis.enabled:false}") boolean changesHeard) {
        this(dynamoDb, quotas.tenantsTable(), changesHeard ? profiles.announcedCacheTtl() : profiles.cacheTtl(),
                Clock.systemUTC());
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

    @Override
    public void changed(TenantId tenant) {
        cache.remove(tenant); // a read under way still answers its waiting jobs, but is no longer kept
    }

    private Cached settings(TenantId tenant) {
        while (true) {
            CompletableFuture<Cached> kept = cache.get(tenant);
            if (kept != null && (!kept.isDone() || fresh(kept))) {
                return join(kept);
            }
            CompletableFuture<Cached> mine = new CompletableFuture<>();
            boolean won = kept == null ? cache.putIfAbsent(tenant, mine) == null : cache.replace(tenant, kept, mine);
            if (won) {
                return load(tenant, mine);
            }
        }
    }

    /** This job's read, which the tenant's other jobs wait for. */
    private Cached load(TenantId tenant, CompletableFuture<Cached> mine) {
        Cached read;
        try {
            read = read(tenant, clock.instant());
        } catch (Throwable e) { // never leave the tenant's waiting jobs, and its next ones, on a read that ended
            cache.remove(tenant, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(read);
        return read;
    }

    private boolean fresh(CompletableFuture<Cached> kept) {
        if (kept.isCompletedExceptionally()) {
            return false;
        }
        return kept.join().readAt().plus(ttl).isAfter(clock.instant());
    }

    private static Cached join(CompletableFuture<Cached> kept) {
        try {
            return kept.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
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
