package io.tenantchat.localstack.provision;

/** A signed-in user: {@code userId} is the Cognito {@code sub}; the tokens come straight from Cognito. */
public record TestUser(String tenantId, String userId, String email, String idToken, String accessToken) {}
