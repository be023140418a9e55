package io.tenantchat.api.isolation;

/** The ids a request names, by the path-parameter (or body field) names the API uses. */
record Ids(String tenantId, String userId, String sessionId, String messageId) {

    String get(String name) {
        return switch (name) {
            case "tenantId" -> tenantId;
            case "userId" -> userId;
            case "sessionId" -> sessionId;
            case "messageId" -> messageId;
            case "queue" -> "chat-requests";
            default -> throw new IllegalArgumentException("no test id for path parameter {" + name + "}: add it to Ids");
        };
    }

    Ids withTenantAndUser(String tenant, String user) {
        return new Ids(tenant, user, sessionId, messageId);
    }
}
