/** usage-aggregator: keeps per-tenant usage metrics from the ModelInvoked events the worker publishes. */
package io.tenantchat.usage;
