package io.tenantchat.api.audit.application;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditChain;
import io.tenantchat.shared.audit.AuditEntry;
import io.tenantchat.shared.audit.AuditVerification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Pages and verifies a tenant's chain: a tenant-admin its own tenant's, a platform operator any tenant's. */
public final class AuditService implements ViewAuditTrailUseCase {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Entries read per page while verifying. */
    static final int VERIFY_PAGE = 500;
    private static final Pattern CURSOR = Pattern.compile("audit:([0-9]{1,18})");

    private final AuditTrail trail;

    public AuditService(AuditTrail trail) {
        this.trail = trail;
    }

    /** One page; {@code cursor} is null on the last. */
    public record Page(TenantId tenantId, List<AuditEntry> entries, @Nullable String cursor) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    @Override
    public Page page(Caller caller, String tenantId, @Nullable String cursor, @Nullable Integer limit) {
        TenantId tenant = allowed(caller, tenantId);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("invalid_limit", "limit must be 1 to " + MAX_LIMIT);
        }
        AuditTrail.AuditPage page = trail.page(tenant, after(cursor), size);
        Long next = page.continueAfter();
        return new Page(tenant, page.entries(), next == null ? null : cursor(next));
    }

    @Override
    public AuditVerification verify(Caller caller, String tenantId) {
        TenantId tenant = allowed(caller, tenantId);
        AuditChain.Verifier verifier = new AuditChain.Verifier(tenant);
        long after = 0;
        while (true) {
            AuditTrail.AuditPage page = trail.page(tenant, after, VERIFY_PAGE);
            for (AuditEntry entry : page.entries()) {
                if (!verifier.accept(entry)) {
                    return verifier.result();
                }
            }
            Long next = page.continueAfter();
            if (next == null) {
                return verifier.result();
            }
            after = next;
        }
    }

    private static TenantId allowed(Caller caller, String tenantId) {
        if (!TenantId.isValid(tenantId)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        TenantId tenant = TenantId.of(tenantId);
        if (caller.isPlatformOperator()) {
            return tenant;
        }
        if (!caller.isTenantAdmin()) {
            throw new ForbiddenException("tenant_admin_required", "only a tenant-admin or a platform operator reads the audit trail");
        }
        if (!tenant.equals(caller.tenantId())) {
            throw new ForbiddenException("tenant_mismatch", "the tenant in the path does not match the token");
        }
        return tenant;
    }

    static String cursor(long after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("audit:" + after).getBytes(StandardCharsets.UTF_8));
    }

    static long after(@Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            var matcher = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (matcher.matches()) {
                return Long.parseLong(matcher.group(1));
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new InvalidRequestException("invalid_cursor", "cursor is not one this endpoint returned");
    }
}
