package io.tenantchat.api.isolation;

import io.tenantchat.api.security.TestTokens;
import java.util.Set;
import java.util.UUID;

/**
 * The seeded data: the victim alice (tenant A) with a session and a message whose text is secret, anna (same
 * tenant), bob (tenant B, with his own session and secret), a tenant-admin in each tenant, and a platform operator
 * (who belongs to neither tenant).
 *
 * @param victim alice's tenant, user, session and message ids
 * @param victimSecrets what no one but alice (and her tenant's admin) may ever see
 * @param attackerIds bob's own tenant, user, session and message ids
 * @param attackerSecrets what alice must never see of bob's
 * @param keys API keys the attacks use ({@link ApiKeys#NONE}: none)
 */
record World(Actor alice, Actor aliceAdmin, Actor anna, Actor bob, Actor bobAdmin, Ids victim, Set<String> victimSecrets,
        Ids attackerIds, Set<String> attackerSecrets, Actor operator, ApiKeys keys) {

    static final String TENANT_A = "tenant-iso-a";
    static final String TENANT_B = "tenant-iso-b";
    static final String TENANT_PLATFORM = "tenant-iso-platform";

    static Actor operator(TestTokens tokens) {
        return actor(tokens, TENANT_PLATFORM, "operator", "platform-operator");
    }

    static Actor actor(TestTokens tokens, String tenant, String name, String... groups) {
        String userId = name + "-" + UUID.randomUUID();
        return new Actor(tenant, userId, tokens.sign(TestTokens.claims(tenant, userId).groups(groups)));
    }
}
