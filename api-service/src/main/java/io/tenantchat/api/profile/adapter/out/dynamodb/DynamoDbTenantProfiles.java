package io.tenantchat.api.profile.adapter.out.dynamodb;

import io.tenantchat.api.audit.adapter.out.dynamodb.AuditItems;
import io.tenantchat.api.audit.application.AuditConflictException;
import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.profile.application.TenantProfiles;
import io.tenantchat.api.profile.config.ProfileTableProperties;
import io.tenantchat.api.profile.domain.ProfileSettings;
import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.table.TenantsTable;
import io.tenantchat.shared.table.TenantsTable.Profile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The {@code profile} item of each tenant's partition of the tenants table, written with a condition on its
 * {@code version} so two concurrent saves cannot both win, in one {@code TransactWriteItems} with the save's audit
 * entry ({@link AuditItems}), so a profile never changes without its entry nor an entry exists for a refused save.
 * The worker reads the same item, and the tenant feature its {@code retention_days} (its attribute names are the
 * contract, see docs/adr/007-tenant-profile.md).
 */
@Component
class DynamoDbTenantProfiles implements TenantProfiles {

    static final String SORT_KEY = TenantsTable.PROFILE;
    /** Index of the profile's put among the transaction's writes (the audit entry's is 1). */
    private static final int PROFILE_PUT = 0;

    private final TenantDynamoDb dynamo;
    private final String table;
    private final String auditTable;

    DynamoDbTenantProfiles(TenantDynamoDb dynamo, ProfileTableProperties tenants, AuditProperties audit) {
        this.dynamo = dynamo;
        this.table = tenants.table();
        this.auditTable = audit.table();
    }

    @Override
    public Optional<TenantProfile> find(TenantId tenantId) {
        Map<String, AttributeValue> item = dynamo.client(tenantId).getItem(g -> g.tableName(table)
                .key(key(tenantId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toProfile(tenantId, item));
    }

    @Override
    public boolean save(TenantProfile profile, AuditEntry entry) {
        if (!entry.tenantId().equals(profile.tenantId())) {
            throw new IllegalArgumentException("audit entry of another tenant");
        }
        try {
            dynamo.client(profile.tenantId()).transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(put(profile)).build(), AuditItems.put(auditTable, entry)));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > PROFILE_PUT && "ConditionalCheckFailed".equals(reasons.get(PROFILE_PUT).code())) {
                return false;
            }
            if (reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                // another save of this profile or entry of this chain was in flight: read the chain's end again and
                // retry; the profile's version condition then decides whether this save still applies
                throw new AuditConflictException("concurrent transaction on the profile or the chain", e);
            }
            throw AuditItems.conflictOr(e, 1);
        }
    }

    /** The profile's put, on condition the stored one is the version before it. */
    private Put put(TenantProfile profile) {
        Put.Builder put = Put.builder().tableName(table).item(toItem(profile));
        if (profile.version() == 1) {
            return put.conditionExpression("attribute_not_exists(sk)").build();
        }
        return put.conditionExpression("version = :previous")
                .expressionAttributeValues(Map.of(":previous", n(profile.version() - 1))).build();
    }

    private static Map<String, AttributeValue> toItem(TenantProfile profile) {
        ProfileSettings s = profile.settings();
        Map<String, AttributeValue> item = new HashMap<>(key(profile.tenantId()));
        item.put(Profile.VERSION, n(profile.version()));
        putS(item, Profile.SYSTEM_PROMPT, s.systemPrompt());
        putS(item, Profile.MODEL, s.model());
        putN(item, Profile.MAX_OUTPUT_TOKENS, s.maxOutputTokens());
        putN(item, Profile.TEMPERATURE, s.temperature());
        putS(item, Profile.GUARDRAIL_ID, s.guardrailId());
        putS(item, Profile.GUARDRAIL_VERSION, s.guardrailVersion());
        putN(item, Profile.HISTORY_MAX_TURNS, s.historyMaxTurns());
        putN(item, Profile.HISTORY_MAX_CHARS, s.historyMaxChars());
        putN(item, Profile.RETENTION_DAYS, s.retentionDays());
        putS(item, Profile.UPDATED_AT, profile.updatedAt() == null ? null : profile.updatedAt().toString());
        putS(item, Profile.UPDATED_BY, profile.updatedBy());
        return item;
    }

    private static TenantProfile toProfile(TenantId tenantId, Map<String, AttributeValue> item) {
        ProfileSettings settings = new ProfileSettings(s(item, Profile.SYSTEM_PROMPT), s(item, Profile.MODEL),
                integer(item, Profile.MAX_OUTPUT_TOKENS), decimal(item, Profile.TEMPERATURE),
                s(item, Profile.GUARDRAIL_ID), s(item, Profile.GUARDRAIL_VERSION), integer(item, Profile.HISTORY_MAX_TURNS),
                integer(item, Profile.HISTORY_MAX_CHARS), integer(item, Profile.RETENTION_DAYS));
        String updatedAt = s(item, Profile.UPDATED_AT);
        AttributeValue version = item.get(Profile.VERSION);
        return new TenantProfile(tenantId, version == null ? 0 : Long.parseLong(version.n()), settings,
                updatedAt == null ? null : Instant.parse(updatedAt), s(item, Profile.UPDATED_BY));
    }

    private static Map<String, AttributeValue> key(TenantId tenantId) {
        return Map.of("tenant_id", AttributeValue.fromS(tenantId.value()), "sk", AttributeValue.fromS(SORT_KEY));
    }

    private static void putS(Map<String, AttributeValue> item, String name, @Nullable String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void putN(Map<String, AttributeValue> item, String name, @Nullable Number value) {
        if (value != null) {
            item.put(name, n(value));
        }
    }

    private static AttributeValue n(Number value) {
        return AttributeValue.fromN(value.toString());
    }

    private static @Nullable String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static @Nullable Integer integer(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Integer.valueOf(value.n());
    }

    private static @Nullable Double decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }
}
