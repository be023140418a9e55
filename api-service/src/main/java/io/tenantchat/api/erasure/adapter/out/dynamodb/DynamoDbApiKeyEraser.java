package io.tenantchat.api.erasure.adapter.out.dynamodb;

import static io.tenantchat.api.erasure.adapter.out.dynamodb.JobItems.s;
import static io.tenantchat.api.erasure.adapter.out.dynamodb.JobItems.text;

import io.tenantchat.api.erasure.adapter.out.dynamodb.CountedDeletes.Counted;
import io.tenantchat.api.erasure.application.ApiKeyEraser;
import io.tenantchat.api.erasure.config.ErasureProperties;
import io.tenantchat.api.erasure.domain.Counts;
import io.tenantchat.api.erasure.domain.JobLease;
import io.tenantchat.shared.UserId;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;

/**
 * API keys of the subject: the keys table is keyed by key id, not by tenant, so (like the apikey feature's store)
 * it is read and written with the service's client (docs/security.md section 4). The tenant's keys are listed
 * through GSI {@code tenant_id-created_at-index}; each delete is conditional on the item's {@code tenant_id} (and
 * principal), in one transaction with the job's counters. The index is read again until it shows no key not
 * deleted yet (it is eventually consistent).
 */
@Component
class DynamoDbApiKeyEraser implements ApiKeyEraser {

    private static final String BY_TENANT = "tenant_id-created_at-index";
    private static final int PASSES = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final CountedDeletes deletes;

    DynamoDbApiKeyEraser(DynamoDbClient dynamo, ErasureProperties properties, Clock clock) {
        this.dynamo = dynamo;
        this.table = properties.tables().apiKeys();
        this.deletes = new CountedDeletes(properties.tables().jobs(), clock, properties.lease());
    }

    @Override
    public void erase(JobLease lease, Optional<UserId> user) {
        Set<String> handled = new HashSet<>();
        for (int pass = 0; pass < PASSES; pass++) {
            List<String> keys = keys(lease, user).stream().filter(id -> !handled.contains(id)).toList();
            if (keys.isEmpty()) {
                return;
            }
            handled.addAll(keys);
            deletes.run(dynamo, lease, keys.stream().map(id -> List.of(delete(lease, user, id))).toList());
        }
    }

    private List<String> keys(JobLease lease, Optional<UserId> user) {
        String tenant = lease.tenantId().value();
        return dynamo.queryPaginator(q -> q.tableName(table).indexName(BY_TENANT)
                        .keyConditionExpression("tenant_id = :t").expressionAttributeValues(Map.of(":t", s(tenant)))
                        .projectionExpression("key_id, tenant_id, principal"))
                .items().stream()
                .filter(item -> tenant.equals(text(item, "tenant_id")))
                .filter(item -> user.map(u -> u.value().equals(text(item, "principal"))).orElse(true))
                .map(item -> text(item, "key_id")).filter(id -> id != null).toList();
    }

    private Counted delete(JobLease lease, Optional<UserId> user, String keyId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":t", s(lease.tenantId().value())));
        user.ifPresent(u -> values.put(":p", s(u.value())));
        String condition = "tenant_id = :t" + (user.isPresent() ? " AND principal = :p" : "");
        return new Counted(Delete.builder().tableName(table).key(Map.of("key_id", s(keyId)))
                .conditionExpression(condition).expressionAttributeValues(values).build(), Counts.API_KEYS, null);
    }
}
