package io.tenantchat.localstack.provision;

/** Names of the DynamoDB tables (see docs/architecture.md). */
public record TableNames(String sessions, String messages, String usage, String usageRollups, String tenants) {

    public TableNames(String sessions, String messages, String usage, String usageRollups) {
        this(sessions, messages, usage, usageRollups, "tenants");
    }

    public static TableNames defaults() {
        return new TableNames("tenant-sessions", "tenant-messages", "tenant-usage", "tenant-usage-rollups", "tenants");
    }
}
