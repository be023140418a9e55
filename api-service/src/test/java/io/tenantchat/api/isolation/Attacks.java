package io.tenantchat.api.isolation;

import static io.tenantchat.api.isolation.Attempt.FORBIDDEN;
import static io.tenantchat.api.isolation.Attempt.SUCCESS;
import static io.tenantchat.api.isolation.Attempt.UNAUTHORIZED;
import static io.tenantchat.api.security.TestTokens.claims;

import io.tenantchat.api.security.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Every attack the suite makes on one operation, derived from the operation's {@link Scope}. */
final class Attacks {

    /** Ids that are not ids: wrong shape, another id's shape, encoded traversal, injection, oversized. */
    static final List<String> MALFORMED_IDS = List.of("not-an-id", "TENANT-ISO-A", "%2e%2e%2f%2e%2e%2fapi%2fsessions",
            "%27%20OR%20%271%27%3D%271", "x".repeat(300));

    private Attacks() {
    }

    static List<Attempt> on(OperationCase op, World world, TestTokens tokens) {
        List<Attempt> attempts = new ArrayList<>();
        attempts.addAll(badTokens(world, tokens));
        attempts.addAll(crossTenant(op, world));
        attempts.addAll(sameTenantOtherUser(op, world));
        if (op.scope().guessed != null) {
            attempts.addAll(guessedAndMalformed(op, world));
        }
        return attempts;
    }

    /** The legitimate call by the owner, which must succeed: proves the attacks are refused for the right reason. */
    static Attempt owner(OperationCase op, World world) {
        Actor owner = op.scope().operatorOnly() ? world.operator()
                : op.scope().adminOwner ? world.aliceAdmin() : world.alice();
        return new Attempt("owner", owner.token(), world.victim(), SUCCESS, item -> false, world.attackerSecrets());
    }

    /** Every kind of bad token, each named; refused wherever a token is accepted. */
    static List<Attempt> badTokens(World world, TestTokens tokens) {
        Actor alice = world.alice();
        Actor bob = world.bob();
        Map<String, String> unauthorized = new LinkedHashMap<>();
        unauthorized.put("no token", null);
        unauthorized.put("garbage token", "not-a-jwt");
        unauthorized.put("expired", tokens.sign(as(alice).expiresIn(Duration.ofMinutes(-10))));
        unauthorized.put("not yet valid", tokens.sign(as(alice).notBefore(Duration.ofMinutes(10))));
        unauthorized.put("wrong issuer", tokens.sign(as(alice).issuer("https://cognito-idp.us-east-1.amazonaws.com/other")));
        unauthorized.put("wrong audience", tokens.sign(as(alice).audience("another-app-client")));
        unauthorized.put("access token", tokens.sign(as(alice).asAccessToken(TestTokens.CLIENT_ID)));
        unauthorized.put("alg none", TestTokens.unsigned(as(alice)));
        unauthorized.put("HS256 with the public key", tokens.hs256WithPublicKey(as(alice)));
        unauthorized.put("unknown key", TestTokens.sign(as(alice), TestTokens.newKey("unknown-" + UUID.randomUUID())));
        unauthorized.put("forged signature", TestTokens.sign(as(alice), TestTokens.newKey(tokens.signingKey().getKeyID())));
        unauthorized.put("tampered payload", TestTokens.tampered(bob.token(), payload -> payload
                .replace(bob.tenantId(), alice.tenantId()).replace(bob.userId(), alice.userId())));
        unauthorized.putAll(world.keys().refused());
        List<Attempt> attempts = new ArrayList<>();
        unauthorized.forEach((name, token) -> attempts.add(refusedEverywhere(name, token, UNAUTHORIZED, world)));
        attempts.add(refusedEverywhere("no tenant claim", tokens.sign(as(alice).claim(TestTokens.TENANT_CLAIM, null)),
                FORBIDDEN, world));
        attempts.add(refusedEverywhere("malformed tenant claim", tokens.sign(as(alice)
                .claim(TestTokens.TENANT_CLAIM, alice.tenantId() + "#x")), FORBIDDEN, world));
        attempts.add(refusedEverywhere("tenant claim not a string", tokens.sign(as(alice)
                .claim(TestTokens.TENANT_CLAIM, List.of(alice.tenantId()))), FORBIDDEN, world));
        return attempts;
    }

    private static List<Attempt> crossTenant(OperationCase op, World world) {
        Actor attacker = op.scope().adminOwner ? world.bobAdmin() : world.bob();
        var guarded = DataSnapshot.ofTenant(world.victim().tenantId());
        List<Attempt> attempts = new ArrayList<>(List.of(
                new Attempt("other tenant's token with this tenant's ids", attacker.token(), world.victim(),
                        op.scope().otherTenant, guarded, world.victimSecrets()),
                new Attempt("other tenant's token, own identity, this tenant's resource ids", attacker.token(),
                        world.victim().withTenantAndUser(attacker.tenantId(), attacker.userId()),
                        op.scope().otherTenantOwnIdentity, guarded, world.victimSecrets())));
        String bobKey = world.keys().bobKey();
        if (bobKey != null) {
            // bob's key acts as bob, a plain member of tenant B: never a tenant-admin or operator
            attempts.add(new Attempt("other tenant's API key with this tenant's ids", bobKey, world.victim(),
                    op.scope().otherTenant, guarded, world.victimSecrets()));
            attempts.add(new Attempt("other tenant's API key, own identity, this tenant's resource ids", bobKey,
                    world.victim().withTenantAndUser(world.bob().tenantId(), world.bob().userId()),
                    op.scope().adminOwner ? FORBIDDEN : op.scope().otherTenantOwnIdentity, guarded,
                    world.victimSecrets()));
        }
        return attempts;
    }

    private static List<Attempt> sameTenantOtherUser(OperationCase op, World world) {
        Set<String> secrets = new HashSet<>(world.victimSecrets());
        secrets.remove(world.victim().tenantId());
        String annaKey = world.keys().annaKey();
        List<Attempt> attempts = new ArrayList<>();
        if (op.scope().operatorOnly()) {
            attempts.add(new Attempt("same tenant's tenant-admin on an operator operation", world.aliceAdmin().token(),
                    world.victim(), FORBIDDEN, DataSnapshot.everything(), Set.copyOf(secrets)));
            attempts.add(new Attempt("same tenant, other user, on an operator operation", world.anna().token(),
                    world.victim(), op.scope().otherUser, DataSnapshot.everything(), Set.copyOf(secrets)));
            if (annaKey != null) {
                // the key is valid, so its coarse last_used_at may be written: everything else must stay
                attempts.add(new Attempt("same tenant's API key on an operator operation", annaKey, world.victim(),
                        FORBIDDEN, DataSnapshot.everything().and(item -> !item.containsKey("secret_hash")),
                        Set.copyOf(secrets)));
            }
            return attempts;
        }
        var guarded = DataSnapshot.ofUser(world.victim().tenantId(), world.victim().userId());
        attempts.add(new Attempt("same tenant, other user, private session", world.anna().token(), world.victim(),
                op.scope().otherUser, guarded, Set.copyOf(secrets)));
        if (annaKey != null) {
            attempts.add(new Attempt("same tenant, other user's API key, private session", annaKey, world.victim(),
                    op.scope().otherUser, guarded, Set.copyOf(secrets)));
        }
        return attempts;
    }

    private static List<Attempt> guessedAndMalformed(OperationCase op, World world) {
        boolean byTenant = op.scope().addressedByTenant();
        Actor caller = op.scope().adminOwner ? world.aliceAdmin() : world.alice();
        Ids victim = world.victim();
        Ids guessed = byTenant ? new Ids("tenant-" + UUID.randomUUID().toString().substring(0, 8), victim.userId(),
                victim.sessionId(), victim.messageId())
                : new Ids(victim.tenantId(), victim.userId(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<Attempt> attempts = new ArrayList<>();
        attempts.add(new Attempt("guessed ids", caller.token(), guessed, op.scope().guessed, DataSnapshot.everything(),
                world.attackerSecrets()));
        for (String bad : MALFORMED_IDS) {
            Ids malformed = byTenant ? new Ids(bad, victim.userId(), victim.sessionId(), victim.messageId())
                    : new Ids(victim.tenantId(), victim.userId(), bad, bad).withJobId(bad);
            attempts.add(new Attempt("malformed id " + abbreviate(bad), caller.token(), malformed, op.scope().malformed,
                    DataSnapshot.everything(), world.attackerSecrets()));
        }
        return attempts;
    }

    private static Attempt refusedEverywhere(String name, String token, Set<Integer> expected, World world) {
        return new Attempt(name, token, world.victim(), expected, DataSnapshot.everything(), world.victimSecrets());
    }

    private static TestTokens.Claims as(Actor actor) {
        return claims(actor.tenantId(), actor.userId());
    }

    private static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 24) + "..." : value;
    }
}
