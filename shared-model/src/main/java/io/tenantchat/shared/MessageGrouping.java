package io.tenantchat.shared;

/**
 * How chat jobs are grouped on the FIFO queue ({@code tenantchat.queues.group-by}). A group delivers one job at a
 * time, in order: {@link #SESSION} orders each conversation and runs conversations in parallel; {@link #TENANT}
 * serialises a whole tenant (docs/adr/001-message-groups.md).
 */
public enum MessageGrouping {
    /** {@code {tenant_id}#{session_id}}: the default. */
    SESSION,
    /** {@code {tenant_id}}: strict per-tenant serialisation. */
    TENANT
}
