/** Queues, dead letters, replay filters and summaries: plain records. */
package io.tenantchat.api.operations.domain;
