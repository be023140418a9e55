package io.tenantchat.api.apikey.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.apikey.domain.ApiKeySecret;
import io.tenantchat.api.apikey.domain.IssuedApiKey;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.support.InMemoryApiKeyStore;
import io.tenantchat.api.support.SettableClock;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTests {

    static final Caller ADMIN_A = new Caller(TenantId.of("tenant-a"), UserId.of("root"), Set.of(Caller.TENANT_ADMIN));
    static final Caller ADMIN_B = new Caller(TenantId.of("tenant-b"), UserId.of("root"), Set.of(Caller.TENANT_ADMIN));

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, clock, Duration.ofSeconds(1),
            Duration.ofMinutes(1));
    final ApiKeyService service = new ApiKeyService(store, authenticator, clock, new SecureRandom(),
            store.audit().recorder(clock));

    @Test
    void keyActsAsItsPrincipalOfItsTenantWithNoGroup() {
        IssuedApiKey key = service.create(ADMIN_A, "tenant-a", new CreateApiKey("ci", "alice", null));

        assertThat(authenticator.authenticate(key.secret().reveal())).hasValue(
                new Caller(TenantId.of("tenant-a"), UserId.of("alice"), Set.of()));
    }

    @Test
    void refusesAWrongSecretUnderAKnownKeyId() {
        IssuedApiKey key = service.create(ADMIN_A, "tenant-a", new CreateApiKey("ci", "alice", null));
        String other = ApiKeySecret.generate(new SecureRandom()).reveal();
        String forged = "tck_" + key.key().keyId().value() + other.substring(24);

        assertThat(authenticator.authenticate(forged)).isEmpty();
        assertThat(authenticator.authenticate(other)).isEmpty();
        assertThat(authenticator.authenticate("tck_garbage")).isEmpty();
    }

    @Test
    void revokedKeyIsRefusedHereAtOnceAndByAnotherInstanceWithinOneSecond() {
        IssuedApiKey key = service.create(ADMIN_A, "tenant-a", new CreateApiKey("ci", null, null));
        ApiKeyAuthenticator otherInstance = new ApiKeyAuthenticator(store, clock, Duration.ofSeconds(1),
                Duration.ofMinutes(1));
        assertThat(authenticator.authenticate(key.secret().reveal())).isPresent();
        assertThat(otherInstance.authenticate(key.secret().reveal())).isPresent();

        service.revoke(ADMIN_A, "tenant-a", key.key().keyId().value());

        assertThat(authenticator.authenticate(key.secret().reveal())).isEmpty();
        clock.advance(Duration.ofMillis(1000));
        assertThat(otherInstance.authenticate(key.secret().reveal())).isEmpty();
    }

    @Test
    void expiredKeyIsRefused() {
        IssuedApiKey key = service.create(ADMIN_A, "tenant-a",
                new CreateApiKey("ci", null, clock.instant().plus(Duration.ofHours(1))));
        assertThat(authenticator.authenticate(key.secret().reveal())).isPresent();

        clock.advance(Duration.ofHours(1));

        assertThat(authenticator.authenticate(key.secret().reveal())).isEmpty();
    }

    @Test
    void readsAKeyAtMostOncePerCacheTimeAndWritesLastUsedAtMostOncePerMinute() {
        IssuedApiKey key = service.create(ADMIN_A, "tenant-a", new CreateApiKey("ci", null, null));
        for (int i = 0; i < 50; i++) {
            authenticator.authenticate(key.secret().reveal());
        }
        assertThat(store.finds).hasValue(1);
        assertThat(store.usedWrites).hasValue(1);
        assertThat(store.find(key.key().keyId()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(30));
        authenticator.authenticate(key.secret().reveal());
        assertThat(store.usedWrites).hasValue(1);

        clock.advance(Duration.ofSeconds(31));
        authenticator.authenticate(key.secret().reveal());
        assertThat(store.usedWrites).hasValue(2);
    }

    @Test
    void refusesACacheLongerThanOneSecond() {
        assertThatThrownBy(() -> new ApiKeyAuthenticator(store, clock, Duration.ofMillis(1001), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyOfOneTenantNeverActsForAnother() {
        IssuedApiKey a = service.create(ADMIN_A, "tenant-a", new CreateApiKey("ci", "shared-name", null));
        IssuedApiKey b = service.create(ADMIN_B, "tenant-b", new CreateApiKey("ci", "shared-name", null));

        assertThat(authenticator.authenticate(a.secret().reveal())).hasValueSatisfying(
                caller -> assertThat(caller.tenantId()).isEqualTo(TenantId.of("tenant-a")));
        assertThat(authenticator.authenticate(b.secret().reveal())).hasValueSatisfying(
                caller -> assertThat(caller.tenantId()).isEqualTo(TenantId.of("tenant-b")));
    }
}
