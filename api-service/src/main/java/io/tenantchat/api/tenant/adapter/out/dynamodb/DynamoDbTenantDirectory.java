package io.tenantchat.api.tenant.adapter.out.dynamodb;

import io.tenantchat.api.audit.adapter.out.dynamodb.AuditItems;
import io.tenantchat.api.audit.config.AuditProperties;
import io.tenantchat.api.tenant.config.TenantProperties;
import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.tenant.application.TenantDirectory;
import io.tenantchat.api.tenant.application.TenantTerms;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.table.TenantsTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Plans as the {@code plan} item of each tenant's partition of the tenants table. The plan cache reads it together
 * with the profile item's retention in one consistent Query ({@code sk BETWEEN plan AND profile}, as the worker
 * reads both), so a profile saved a moment ago is what the next message after its change notice gets.
 */
@Component
class DynamoDbTenantDirectory implements TenantDirectory {

    private final TenantDynamoDb dynamo;
    private final String table;
    private final String auditTable;

    DynamoDbTenantDirectory(TenantDynamoDb dynamo, TenantProperties tenants, AuditProperties audit) {
        this.dynamo = dynamo;
        this.table = tenants.table();
        this.auditTable = audit.table();
    }

    @Override
    public Optional<TenantPlan> find(TenantId tenantId) {
        Map<String, AttributeValue> item = dynamo.client(tenantId).getItem(g -> g.tableName(table)
                .key(QuotaKeys.key(tenantId, TenantsTable.PLAN))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toPlan(tenantId, item));
    }

    @Override
    public TenantTerms terms(TenantId tenantId) {
        List<Map<String, AttributeValue>> items = dynamo.client(tenantId).query(q -> q.tableName(table)
                .keyConditionExpression("tenant_id = :tenant AND sk BETWEEN :plan AND :profile")
                .expressionAttributeValues(Map.of(":tenant", QuotaKeys.s(tenantId.value()),
                        ":plan", QuotaKeys.s(TenantsTable.PLAN), ":profile", QuotaKeys.s(TenantsTable.PROFILE)))
                .consistentRead(true)).items();
        Map<String, AttributeValue> plan = item(items, TenantsTable.PLAN);
        AttributeValue retention = item(items, TenantsTable.PROFILE).get(TenantsTable.Profile.RETENTION_DAYS);
        return new TenantTerms(plan.isEmpty() ? null : toPlan(tenantId, plan),
                retention == null || retention.n() == null ? null : Integer.valueOf(retention.n()));
    }

    private static Map<String, AttributeValue> item(List<Map<String, AttributeValue>> items, String sortKey) {
        return items.stream().filter(item -> item.containsKey(TenantsTable.SK)
                && sortKey.equals(item.get(TenantsTable.SK).s())).findFirst().orElse(Map.of());
    }

    @Override
    public void save(TenantPlan plan) {
        dynamo.client(plan.tenantId()).putItem(p -> p.tableName(table).item(item(plan)));
    }

    /** The plan's put and the entry's conditional put in one {@code TransactWriteItems}. */
    @Override
    public void save(TenantPlan plan, AuditEntry entry) {
        if (!entry.tenantId().equals(plan.tenantId())) {
            throw new IllegalArgumentException("audit entry of another tenant");
        }
        try {
            dynamo.client(plan.tenantId()).transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item(plan))).build(),
                    AuditItems.put(auditTable, entry)));
        } catch (TransactionCanceledException e) {
            throw AuditItems.conflictOr(e, 1);
        }
    }

    private static Map<String, AttributeValue> item(TenantPlan plan) {
        PlanLimits l = plan.limits();
        Map<String, AttributeValue> item = new HashMap<>(QuotaKeys.key(plan.tenantId(), TenantsTable.PLAN));
        item.put("name", QuotaKeys.s(plan.name()));
        item.put("tier", QuotaKeys.s(plan.tier()));
        item.put("messages_per_day", QuotaKeys.n(l.messagesPerDay()));
        item.put("messages_per_month", QuotaKeys.n(l.messagesPerMonth()));
        item.put("concurrent_sessions", QuotaKeys.n(l.concurrentSessions()));
        item.put("monthly_tokens", QuotaKeys.n(l.monthlyTokens()));
        item.put("requests_per_second", QuotaKeys.n(l.requestsPerSecond()));
        item.put("max_in_flight", QuotaKeys.n(l.maxInFlight()));
        if (plan.modelOverride() != null) {
            item.put("model_override", QuotaKeys.s(plan.modelOverride()));
        }
        return item;
    }

    private static TenantPlan toPlan(TenantId tenantId, Map<String, AttributeValue> item) {
        PlanLimits limits = new PlanLimits(num(item, "messages_per_day"), num(item, "messages_per_month"),
                num(item, "concurrent_sessions"), Long.parseLong(QuotaKeys.required(item, "monthly_tokens").n()),
                num(item, "requests_per_second"), num(item, "max_in_flight"));
        AttributeValue model = item.get("model_override");
        return new TenantPlan(tenantId, QuotaKeys.required(item, "name").s(), QuotaKeys.required(item, "tier").s(),
                limits, model == null ? null : model.s(), true);
    }

    private static int num(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(QuotaKeys.required(item, name).n());
    }
}
