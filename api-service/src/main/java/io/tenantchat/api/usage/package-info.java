/** Per-tenant usage read from the rollups usage-aggregator keeps: totals, series, per model and per user. */
package io.tenantchat.api.usage;
