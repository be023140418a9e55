package io.tenantchat.usage.metering.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.usage.UsageRollupKeys;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The counters the ledger ADDs to a rollup item are exactly the shared list that every other reader and mover of
 * rollup items covers (re-aggregation here, the api's usage page and its erasure's moves): a counter added to the
 * ledger alone would be lost when an erasure moves a user's item, and missed by re-aggregation.
 */
class RollupCountersTests {

    private static final Set<String> NOT_COUNTERS = Set.of("tenant_id", "granularity", "bucket", "dimension");

    @Test
    void theLedgerAddsExactlyTheSharedCounters() {
        Set<String> written = new HashSet<>(DynamoDbUsageLedger.ROLLUP_NAMES.values());
        written.removeAll(NOT_COUNTERS);

        assertThat(written).containsExactlyInAnyOrderElementsOf(UsageRollupKeys.COUNTERS);
    }
}
