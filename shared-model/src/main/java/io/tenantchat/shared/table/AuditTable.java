package io.tenantchat.shared.table;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit table's item layout ({@code AUDIT_TABLE}, docs/architecture.md "Audit"), written by api-service and
 * usage-aggregator: hash {@code tenant_id} (S), range {@code seq} (N), {@code actor, action, target, at, request_id,
 * prev_hash, hash} (S), {@code before, after} (M of S). Values are given without the SDK's types: a {@link String}
 * per string attribute, a {@link Long} for {@code seq}, a {@code Map<String, String>} per map; each service's adapter
 * turns them into its attribute values.
 */
public final class AuditTable {

    public static final String TENANT_ID = "tenant_id";
    public static final String SEQ = "seq";
    public static final String ACTOR = "actor";
    public static final String ACTION = "action";
    public static final String TARGET = "target";
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String AT = "at";
    public static final String REQUEST_ID = "request_id";
    public static final String PREV_HASH = "prev_hash";
    public static final String HASH = "hash";
    /** The condition of every put: an entry never takes a place in the chain that is already taken. */
    public static final String SEQ_FREE = "attribute_not_exists(" + SEQ + ")";

    private AuditTable() {
    }

    /** The attributes of {@code entry}'s item, in the layout above. */
    public static Map<String, Object> attributes(AuditEntry entry) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(TENANT_ID, entry.tenantId().value());
        item.put(SEQ, entry.seq());
        item.put(ACTOR, entry.actor());
        item.put(ACTION, entry.action());
        item.put(TARGET, entry.target());
        item.put(BEFORE, entry.before());
        item.put(AFTER, entry.after());
        item.put(AT, entry.at().toString());
        item.put(REQUEST_ID, entry.requestId());
        item.put(PREV_HASH, entry.prevHash());
        item.put(HASH, entry.hash());
        return item;
    }

    /**
     * The entry an item holds, read through {@code string} (a string or number attribute as text) and {@code map}
     * (a map attribute; empty when absent).
     */
    public static AuditEntry entry(Attributes item) {
        return new AuditEntry(TenantId.of(item.string(TENANT_ID)), Long.parseLong(item.string(SEQ)),
                item.string(ACTOR), item.string(ACTION), item.string(TARGET), item.map(BEFORE), item.map(AFTER),
                Instant.parse(item.string(AT)), item.string(REQUEST_ID), item.string(PREV_HASH), item.string(HASH));
    }

    /** How an adapter reads its item's attributes. */
    public interface Attributes {

        /** A string attribute, or a number attribute as text; throws when absent. */
        String string(String name);

        /** A map-of-strings attribute; empty when absent. */
        Map<String, String> map(String name);
    }
}
