/** Queues, dead letters, replay filters and summaries: plain records. */
@NullMarked
package io.tenantchat.api.operations.domain;

import org.jspecify.annotations.NullMarked;
