/** Per-tenant usage read from the rollups usage-aggregator keeps: totals, series, per model and per user. */
@NullMarked
package io.tenantchat.api.usage;

import org.jspecify.annotations.NullMarked;
