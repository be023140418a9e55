/**
 * The tenant audit trail's contract: what an administrative action records, and the per-tenant hash chain every
 * writer (api-service, usage-aggregator's re-aggregation) and the verifier compute the same way.
 */
@NullMarked
package io.tenantchat.shared.audit;

import org.jspecify.annotations.NullMarked;
