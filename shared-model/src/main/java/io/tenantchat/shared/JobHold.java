package io.tenantchat.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tenantchat.shared.table.TenantsTable;
import org.jspecify.annotations.Nullable;

/**
 * What api-service's quota hold for a message ({@code hold#<message>} in the tenants table) holds, carried in the
 * job so the worker can give it back without reading it: the in-flight slot (counted in the item whose sort key is
 * {@code counterKey}, {@code live} unless the tenant's counters are sharded) and the tokens reserved in
 * {@code month}'s token counter. The worker's release stays conditional on the hold item, so a stale copy here can
 * never give anything back twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobHold(
        @JsonProperty("in_flight") boolean inFlight,
        @JsonProperty("reserved") @Nullable Long reserved,
        @JsonProperty("month") @Nullable String month,
        @JsonProperty("counter_key") String counterKey) {

    public JobHold {
        if (reserved != null && reserved < 0) {
            throw new IllegalArgumentException("reserved must not be negative");
        }
        if (reserved != null && month == null) {
            throw new IllegalArgumentException("a reservation needs its month");
        }
        counterKey = TenantsTable.counterItem(counterKey);
    }
}
