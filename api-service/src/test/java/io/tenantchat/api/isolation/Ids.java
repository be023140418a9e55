package io.tenantchat.api.isolation;

/**
 * The ids a request names, by the path-parameter (or body field) names the API uses.
 *
 * @param keyId an API key of the tenant (null: a well-formed id no key has)
 * @param jobId an erasure job the user started (null: a well-formed id no job has)
 */
record Ids(String tenantId, String userId, String sessionId, String messageId, String keyId, String jobId) {

    static final String NO_KEY = "0".repeat(20);
    static final String NO_JOB = "00000000-0000-0000-0000-000000000000";

    Ids(String tenantId, String userId, String sessionId, String messageId) {
        this(tenantId, userId, sessionId, messageId, null, null);
    }

    Ids(String tenantId, String userId, String sessionId, String messageId, String keyId) {
        this(tenantId, userId, sessionId, messageId, keyId, null);
    }

    String get(String name) {
        return switch (name) {
            case "tenantId" -> tenantId;
            case "userId" -> userId;
            case "sessionId" -> sessionId;
            case "messageId" -> messageId;
            case "keyId" -> keyId == null ? NO_KEY : keyId;
            case "queue" -> "chat-requests";
            case "jobId" -> jobId == null ? NO_JOB : jobId;
            default -> throw new IllegalArgumentException("no test id for path parameter {" + name + "}: add it to Ids");
        };
    }

    Ids withTenantAndUser(String tenant, String user) {
        return new Ids(tenant, user, sessionId, messageId, keyId, jobId);
    }

    Ids withKeyId(String key) {
        return new Ids(tenantId, userId, sessionId, messageId, key, jobId);
    }

    Ids withJobId(String job) {
        return new Ids(tenantId, userId, sessionId, messageId, keyId, job);
    }
}
