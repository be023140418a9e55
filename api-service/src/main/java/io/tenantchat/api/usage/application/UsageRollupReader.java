package io.tenantchat.api.usage.application;

import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import java.util.List;

/** Reads a tenant's rollups; the tenant comes first and every key begins with it. */
public interface UsageRollupReader {

    /** Rows of buckets {@code fromBucket..toBucket} (inclusive), summed over shards. */
    List<RollupRow> read(TenantId tenantId, Granularity granularity, String fromBucket, String toBucket);
}
