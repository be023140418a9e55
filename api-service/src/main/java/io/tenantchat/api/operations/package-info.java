/**
 * Platform operations: queue and dead-letter inspection, replay of failed chat jobs and usage events
 * (docs/adr/002-retries-and-dlq.md, docs/runbook.md). Platform operators only.
 */
@NullMarked
package io.tenantchat.api.operations;

import org.jspecify.annotations.NullMarked;
