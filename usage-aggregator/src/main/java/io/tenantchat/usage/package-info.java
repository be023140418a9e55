/** usage-aggregator: keeps per-tenant usage metrics from the ModelInvoked events the worker publishes. */
@NullMarked
package io.tenantchat.usage;

import org.jspecify.annotations.NullMarked;
