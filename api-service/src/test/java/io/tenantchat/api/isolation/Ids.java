package io.tenantchat.api.isolation;

/**
 * The ids a request names, by the path-parameter (or body field) names the API uses.
 *
 * @param keyId an API key of the tenant (null: a well-formed id no key has)
 */
record Ids(String tenantId, String userId, String sessionId, String messageId, String keyId) {

    static final String NO_KEY = "0".repeat(20);

    Ids(String tenantId, String userId, String sessionId, String messageId) {
        this(tenantId, userId, sessionId, messageId, null);
    }

    String get(String name) {
        return switch (name) {
            case "tenantId" -> tenantId;
            case "userId" -> userId;
            case "sessionId" -> sessionId;
            case "messageId" -> messageId;
            case "keyId" -> keyId == null ? NO_KEY : keyId;
            case "queue" -> "chat-requests";
            default -> throw new IllegalArgumentException("no test id for path parameter {" + name + "}: add it to Ids");
        };
    }

    Ids withTenantAndUser(String tenant, String user) {
        return new Ids(tenant, user, sessionId, messageId, keyId);
    }

    Ids withKeyId(String key) {
        return new Ids(tenantId, userId, sessionId, messageId, key);
    }
}
