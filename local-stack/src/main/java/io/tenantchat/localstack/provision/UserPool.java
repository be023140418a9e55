package io.tenantchat.localstack.provision;

/** A Cognito user pool and the id of its {@code tenantchat-web} app client. */
public record UserPool(String poolId, String clientId) {}
