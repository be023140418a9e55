package io.tenantchat.localstack.launcher;

import io.tenantchat.shared.TenantId;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code create-test-user --tenant <id> --email <email> [--password <pw>] [--group tenant-admin|platform-operator]};
 * password and group null when not given.
 */
record CreateTestUserArgs(String tenantId, String email, String password, String group) {

    static final String USAGE = "usage: create-test-user --tenant <tenant-id> --email <email> [--password <password>]"
            + " [--group tenant-admin|platform-operator]";

    /** A plain member of its tenant. */
    CreateTestUserArgs(String tenantId, String email, String password) {
        this(tenantId, email, password, null);
    }

    CreateTestUserArgs {
        if (!TenantId.isValid(tenantId)) {
            throw new IllegalArgumentException("invalid tenant id '" + tenantId + "' (1-64 of A-Z a-z 0-9 _ -)\n" + USAGE);
        }
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("invalid email '" + email + "'\n" + USAGE);
        }
        if (group != null && !group.matches("tenant-admin|platform-operator")) {
            throw new IllegalArgumentException("invalid group '" + group + "' (tenant-admin or platform-operator)\n"
                    + USAGE);
        }
    }

    static CreateTestUserArgs parse(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].matches("--(tenant|email|password|group)") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'\n" + USAGE);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return new CreateTestUserArgs(options.get("tenant"), options.get("email"), options.get("password"),
                options.get("group"));
    }
}
