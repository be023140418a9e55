package io.tenantchat.shared.audit;

import io.tenantchat.shared.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An administrative action about to be recorded: who did what to which thing of which tenant, the thing's state
 * before and after (flat attribute maps, empty when there was none), and the request that did it.
 *
 * @param actor {@code <tenant>/<user>} of the caller, or {@code ops-cli/<name>} for an operator's command
 * @param action a dotted name, e.g. {@code plan.changed}, {@code api_key.created}
 * @param target what the action changed, e.g. the key id, the queue, {@code plan}
 */
public record AuditEvent(TenantId tenantId, String actor, String action, String target, Map<String, String> before,
        Map<String, String> after, String requestId) {

    private static final Pattern ACTION = Pattern.compile("[a-z_]{1,40}(\\.[a-z_]{1,40}){1,3}");
    /** Longest actor, target and request id kept. */
    static final int MAX_TEXT = 256;

    public AuditEvent {
        Objects.requireNonNull(tenantId, "tenantId");
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("invalid audit action: " + action);
        }
        actor = text(actor, "actor");
        target = text(target, "target");
        requestId = text(requestId, "requestId");
        before = Map.copyOf(new TreeMap<>(Objects.requireNonNull(before, "before")));
        after = Map.copyOf(new TreeMap<>(Objects.requireNonNull(after, "after")));
    }

    private static String text(String value, String name) {
        if (value == null || value.isEmpty() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("audit " + name + " must be 1 to " + MAX_TEXT + " characters");
        }
        return value;
    }
}
