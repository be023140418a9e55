package io.tenantchat.api.apikey.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.IssuedApiKey;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.TooManyRequestsException;
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

class ApiKeyServiceTests {

    static final Caller ADMIN_A = ApiKeyAuthenticatorTests.ADMIN_A;
    static final Caller ADMIN_B = ApiKeyAuthenticatorTests.ADMIN_B;
    static final Caller MEMBER_A = new Caller(TenantId.of("tenant-a"), UserId.of("alice"), Set.of());

    final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    final ApiKeyService service = new ApiKeyService(store, new ApiKeyAuthenticator(store, clock, Duration.ofSeconds(1),
            Duration.ofMinutes(1)), clock, new SecureRandom(), store.audit().recorder(clock));

    @Test
    void storesOnlyTheHashOfTheIssuedKey() {
        IssuedApiKey issued = service.create(ADMIN_A, "tenant-a", new CreateApiKey(" deploy bot ", null, null));

        ApiKey stored = store.find(issued.key().keyId()).orElseThrow();
        assertThat(stored.secretHash()).isEqualTo(issued.secret().hash()).doesNotContain(issued.secret().reveal());
        assertThat(stored.label()).isEqualTo("deploy bot");
        assertThat(stored.principal().value()).isEqualTo("apikey-" + issued.key().keyId().value());
        assertThat(stored.tenantId()).isEqualTo(TenantId.of("tenant-a"));
    }

    @Test
    void refusesAnOrdinaryMemberAndAnotherTenantsAdmin() {
        assertThatThrownBy(() -> service.create(MEMBER_A, "tenant-a", new CreateApiKey("x", null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.create(ADMIN_B, "tenant-a", new CreateApiKey("x", null, null)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> service.list(ADMIN_B, "tenant-a")).isInstanceOf(ForbiddenException.class);
        assertThat(store.list(TenantId.of("tenant-a"))).isEmpty();
    }

    @Test
    void anotherTenantsAdminCannotRevokeAKeyThroughItsOwnTenant() {
        IssuedApiKey a = service.create(ADMIN_A, "tenant-a", new CreateApiKey("x", null, null));

        assertThatThrownBy(() -> service.revoke(ADMIN_B, "tenant-b", a.key().keyId().value()))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.find(a.key().keyId()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void revokesTheTenantsOwnKeyIdempotently() {
        IssuedApiKey a = service.create(ADMIN_A, "tenant-a", new CreateApiKey("x", null, null));

        service.revoke(ADMIN_A, "tenant-a", a.key().keyId().value());
        service.revoke(ADMIN_A, "tenant-a", a.key().keyId().value());

        assertThat(store.find(a.key().keyId()).orElseThrow().revokedAt()).isEqualTo(clock.instant());
    }

    @Test
    void listsOnlyTheTenantsKeys() {
        service.create(ADMIN_A, "tenant-a", new CreateApiKey("a1", null, null));
        service.create(ADMIN_B, "tenant-b", new CreateApiKey("b1", null, null));

        assertThat(service.list(ADMIN_A, "tenant-a")).extracting(listed -> listed.key().label()).containsExactly("a1");
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> service.create(ADMIN_A, "tenant#a", new CreateApiKey("x", null, null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.create(ADMIN_A, "tenant-a", new CreateApiKey(" ", null, null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.create(ADMIN_A, "tenant-a", new CreateApiKey("x".repeat(101), null, null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.create(ADMIN_A, "tenant-a", new CreateApiKey("x", "bad#principal", null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.create(ADMIN_A, "tenant-a", new CreateApiKey("x", null, clock.instant())))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.revoke(ADMIN_A, "tenant-a", "not-a-key-id"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void boundsTheActiveKeysOfATenant() {
        for (int i = 0; i < ApiKeyService.MAX_ACTIVE_KEYS; i++) {
            service.create(ADMIN_A, "tenant-a", new CreateApiKey("k" + i, null, null));
        }

        assertThatThrownBy(() -> service.create(ADMIN_A, "tenant-a", new CreateApiKey("one more", null, null)))
                .isInstanceOf(TooManyRequestsException.class);
        service.revoke(ADMIN_A, "tenant-a", store.list(TenantId.of("tenant-a")).getFirst().keyId().value());
        assertThat(service.create(ADMIN_A, "tenant-a", new CreateApiKey("one more", null, null))).isNotNull();
    }
}
