package io.tenantchat.api.isolation;

/** A signed-in user of the suite: tenant, subject and a valid ID token. */
record Actor(String tenantId, String userId, String token) {
}
