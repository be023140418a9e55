package io.tenantchat.api.isolation;

import java.util.Map;

/**
 * The suite's API keys: bob's (tenant B) and anna's (tenant A, not alice), and keys that must be refused
 * everywhere (revoked, expired, malformed, unknown, forged), by name.
 */
record ApiKeys(String bobKey, String annaKey, Map<String, String> refused) {

    static final ApiKeys NONE = new ApiKeys(null, null, Map.of());

    ApiKeys {
        refused = Map.copyOf(refused);
    }
}
