package io.tenantchat.api.erasure.adapter.out.usage;

import io.tenantchat.api.credentials.TenantDynamoDb;
import io.tenantchat.api.erasure.application.UsagePseudonymizer;
import io.tenantchat.api.erasure.config.ErasureUsageTablesProperties;
import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link UsagePseudonymizer} on DynamoDB, signed with the tenant's credentials: the raw usage rows
 * ({@link RawUsageRows}) and then the per-user rollup items ({@link RollupMoves}) of the tenant.
 */
@Component
class DynamoDbUsagePseudonymizer implements UsagePseudonymizer {

    private final RawUsageRows rows;
    private final RollupMoves rollups;

    DynamoDbUsagePseudonymizer(TenantDynamoDb dynamo, ErasureUsageTablesProperties tables, Pseudonyms pseudonyms) {
        this.rows = new RawUsageRows(dynamo, tables.usageTable(), pseudonyms);
        this.rollups = new RollupMoves(dynamo, tables.rollupsTable(), tables.rollupShards(), pseudonyms);
    }

    @Override
    public UsageRewrite pseudonymize(TenantId tenantId, Optional<UserId> user) {
        long rewritten = rows.pseudonymize(tenantId, user);
        return new UsageRewrite(rewritten, rollups.pseudonymize(tenantId, user));
    }
}
