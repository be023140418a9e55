package io.tenantchat.api.profile.application;

import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.error.ConflictException;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.profile.domain.ProfileBounds;
import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Shows a tenant its profile and lets its tenant-admins (and platform operators) replace it. A profile is checked
 * against the deployment's {@link ProfileBounds} before it is saved, so a setting the worker's model provider
 * cannot apply is refused here rather than ignored on every reply. Each save appends {@code profile.changed} to the
 * tenant's audit trail in the profile's own write (a refused save appends nothing) and is announced through
 * {@link ProfileChanges}, so the next message of the tenant gets its new retention at once.
 */
public final class ProfileService implements ViewProfileUseCase, UpdateProfileUseCase {

    private final TenantProfiles profiles;
    private final ProfileBounds bounds;
    private final Clock clock;
    private final AuditRecorder audit;
    private final ProfileChanges changes;

    /**
     * @param audit where each save is recorded, in the profile's own write
     * @param changes told of each save, after it
     */
    public ProfileService(TenantProfiles profiles, ProfileBounds bounds, Clock clock, AuditRecorder audit,
            ProfileChanges changes) {
        this.profiles = profiles;
        this.bounds = bounds;
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
    }

    @Override
    public TenantProfile profile(Caller caller, String tenantId) {
        TenantId tenant = tenantId(tenantId);
        if (!tenant.equals(caller.tenantId()) && !caller.isPlatformOperator()) {
            throw new ForbiddenException("tenant_mismatch", "the profile of another tenant is not visible to this token");
        }
        return profiles.find(tenant).orElseGet(() -> TenantProfile.unset(tenant));
    }

    @Override
    public TenantProfile replace(Caller caller, ReplaceProfile command) {
        TenantId tenant = tenantId(command.tenantId());
        boolean admin = tenant.equals(caller.tenantId()) && caller.isTenantAdmin();
        if (!admin && !caller.isPlatformOperator()) {
            throw new ForbiddenException("tenant_admin_required",
                    "only a tenant-admin of this tenant or a platform operator may change its profile");
        }
        bounds.check(command.settings()).ifPresent(v -> {
            throw new InvalidRequestException(v.code(), v.message());
        });
        Optional<TenantProfile> stored = profiles.find(tenant);
        long current = stored.map(TenantProfile::version).orElse(0L);
        Long expected = command.expectedVersion();
        if (expected != null && expected != current) {
            throw conflict(current);
        }
        TenantProfile saved = new TenantProfile(tenant, current + 1, command.settings(), clock.instant(),
                caller.userId().value());
        Map<String, String> before = stored.map(p -> p.settings().attributes()).orElse(Map.of());
        audit.record(audit.event(caller, tenant, "profile.changed", "profile", before, saved.settings().attributes()),
                entry -> {
                    if (!profiles.save(saved, entry)) {
                        throw conflict(null);
                    }
                });
        changes.saved(tenant);
        return saved;
    }

    private static ConflictException conflict(@Nullable Long current) {
        return new ConflictException("profile_version_conflict", current == null
                ? "the profile was changed by someone else meanwhile; read it again"
                : "the profile is at version " + current + "; read it again before replacing it");
    }

    private static TenantId tenantId(@Nullable String value) {
        if (!TenantId.isValid(value)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        return TenantId.of(value);
    }
}
